import ArgumentParser
import CaseloadConfig
import CaseloadCore
import CaseloadStore
import Foundation

/// `caseload import schools|specialists|referrals FILE`: all rows or none.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import schools, specialists or referrals; a file with a bad row writes nothing.",
        subcommands: [Schools.self, Specialists.self, Referrals.self])

    struct Schools: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import schools from a GIAS establishment CSV (filtered by --trust) or a trust school list.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "Keep only this trust's schools (GIAS files; matches `Trusts (name)`).") var trust: String?
        @Option(help: "The SEN counts file that goes with a trust school list (urn, ehcp_count, sen_support_count).") var sen: String?
        @Flag(help: "Import the good rows and report the bad ones, instead of refusing the file.") var skipBadRows = false

        func run() throws {
            try reportingErrors {
                let text = try String(decoding: ScenarioFiles.readFile(file, what: "schools"), as: UTF8.self)
                let (schools, problems) = try read(text)
                try refuseOrReport(problems, file: file, skip: skipBadRows)
                let n = try store.open().importSchools(schools, stamp: store.stamp)
                print("imported \(n) schools from \(file)")
            }
        }

        func read(_ text: String) throws -> ([SchoolRecord], [String]) {
            if CSVTable(text).header.contains("EstablishmentName") {
                guard let trust else { throw CLIError.badInput("\(file) is a GIAS file: name the trust with --trust \"Trust name\"") }
                return try GIASFile.read(text, trust: trust)
            }
            let extra = try sen.map { String(decoding: try ScenarioFiles.readFile($0, what: "SEN counts"), as: UTF8.self) }
            return SchoolFile.read(schools: text, senExtra: extra)
        }
    }

    struct Specialists: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import the roster from CSV or YAML.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "roster.csv or roster.yaml") var file: String

        func run() throws {
            try reportingErrors {
                let db = try store.open()
                let schools = Dictionary(uniqueKeysWithValues: try db.schools().map { ($0.urn, $0.location) })
                let (entries, problems) = RosterReader.read(try rows(file, key: "specialists"), schools: schools)
                try refuseOrReport(problems, file: file, skip: false)
                print("imported \(try db.importSpecialists(entries, stamp: store.stamp)) specialists from \(file)")
            }
        }
    }

    struct Referrals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take in a CSV of referrals: each is judged against the thresholds; all are stored or none.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "referrals.csv") var file: String

        func run() throws {
            try reportingErrors {
                let (requests, problems) = ReferralReader.read(try rows(file, key: "referrals"), today: try store.today())
                try refuseOrReport(problems, file: file, skip: false)
                let threshold = Threshold(try store.loadConfig())
                let stored = try store.open().submit(batch: requests.map { ($0, threshold.evaluate($0)) }, stamp: store.stamp)
                let accepted = stored.filter { $0.status == .waiting }.count
                print("took in \(stored.count) referrals from \(file): \(accepted) on the waiting list, \(stored.count - accepted) declined")
            }
        }
    }
}

/// Rows of a CSV file, or of the list under `key` in a YAML file.
func rows(_ file: String, key: String) throws -> [(line: Int, value: JSONValue)] {
    let text = String(decoding: try ScenarioFiles.readFile(file, what: key), as: UTF8.self)
    guard file.hasSuffix(".yaml") || file.hasSuffix(".yml") else { return CSVTable(text).objects() }
    let doc = try TrustConfigFile.document(text)
    guard case .orderedObject(let pairs) = doc, let list = pairs.first(where: { $0.0 == key })?.1, case .array(let items) = list else {
        throw CLIError.badInput("\(file): expected a top-level `\(key):` list")
    }
    return items.enumerated().map { ($0.offset + 1, $0.element) }
}

/// Refuses the whole file when any row is bad (listing every one), unless `skip` says to go on.
func refuseOrReport(_ problems: [String], file: String, skip: Bool) throws {
    guard !problems.isEmpty else { return }
    let list = problems.map { "  \(file) \($0)" }.joined(separator: "\n")
    if skip {
        FileHandle.standardError.write(Data("skipped \(problems.count) rows:\n\(list)\n".utf8))
        return
    }
    throw CLIError.badInput("\(file) has \(problems.count) bad rows, so nothing was imported:\n\(list)\nfix them (or pass --skip-bad-rows where offered) and import again")
}
