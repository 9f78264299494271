import ArgumentParser
import CaseloadConfig
import CaseloadCore
import CaseloadFormats
import CaseloadService
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
        @OptionGroup var rows: BadRows

        func run() throws {
            let text = try ScenarioFiles.text(file)
            let (schools, problems) = try read(text)
            try rows.refuseOrReport(problems, file: file)
            let n = try store.open().roster.importSchools(schools, stamp: store.stamp)
            Console.print("imported \(n) schools from \(file)\(rows.skipped(problems))")
        }

        func read(_ text: String) throws -> ([SchoolRecord], [String]) {
            if CSVTable(text).header.contains("EstablishmentName") {
                guard let trust else { throw CLIError.badInput("\(file) is a GIAS file: name the trust with --trust \"Trust name\"") }
                return try GIASFile.read(text, trust: trust)
            }
            let extra = try sen.map { try ScenarioFiles.text($0) }
            return SchoolFile.read(schools: text, senExtra: extra)
        }
    }

    struct Specialists: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import the roster from CSV or YAML.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "roster.csv or roster.yaml (columns in the README; example: Fixtures/trust/roster.csv)") var file: String
        @OptionGroup var rows: BadRows

        func run() throws {
            let db = try store.open()
            let schools = Dictionary(uniqueKeysWithValues: try db.roster.schools().map { ($0.urn, $0.location) })
            let (entries, problems) = RosterReader.read(
                try records(file, key: "specialists"), schools: schools,
                services: try store.loadConfig().services.map(\.code))
            try rows.refuseOrReport(problems, file: file)
            Console.print(
                "imported \(try db.roster.importSpecialists(entries, stamp: store.stamp)) specialists from \(file)\(rows.skipped(problems))")
        }
    }

    struct Referrals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take in a CSV of referrals: each is judged against the thresholds; all are stored or none.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "referrals.csv (columns in the README; example: Fixtures/trust/referrals.csv)") var file: String
        @OptionGroup var rows: BadRows
        @Flag(help: "The trust's existing waiting list, moved into Caseload: receipt dates may be any past date (audited as such).")
        var existingList = false

        func run() throws {
            let db = try store.open()
            let intake = ReferralIntake(db: db, config: try store.loadConfig())
            let (requests, problems) = intake.read(try records(file, key: "referrals"), today: try store.today(), existingList: existingList)
            try rows.refuseOrReport(problems, file: file)
            let stored = try intake.take(requests, stamp: store.stamp)
            if existingList {
                try db.recordAudit(
                    store.stamp, action: "import_existing_list", entity: "referral", id: file,
                    detail: ["referrals": "\(stored.count)", "earliest_received": requests.map(\.receivedOn).min()?.description ?? ""])
            }
            let accepted = stored.filter { $0.status == .waiting }.count
            Console.print(
                "took in \(stored.count) referrals from \(file): \(accepted) on the waiting list, \(stored.count - accepted) declined\(rows.skipped(problems))"
            )
        }
    }
}

/// Rows of a CSV file, or of the list under `key` in a YAML file.
func records(_ file: String, key: String) throws -> [(line: Int, value: JSONValue)] {
    let text = try ScenarioFiles.text(file)
    guard file.hasSuffix(".yaml") || file.hasSuffix(".yml") else { return CSVTable(text).objects() }
    let doc = try TrustConfigFile.document(text)
    guard case .orderedObject(let pairs) = doc, let list = pairs.first(where: { $0.0 == key })?.1, case .array(let items) = list else {
        throw CLIError.badInput("\(file): expected a top-level `\(key):` list")
    }
    return items.enumerated().map { ($0.offset + 1, $0.element) }
}

/// What every import does with a file that has bad rows: refuse it whole (the default), or
/// import the good rows and list the bad ones.
struct BadRows: ParsableArguments {
    @Flag(help: "Import the good rows and list the bad ones, instead of refusing the whole file.") var skipBadRows = false

    /// Refuses any bad row (for files where a partial import makes no sense, such as a what-if roster).
    static func refuse(_ problems: [String], file: String) throws {
        var strict = try BadRows.parse([])
        strict.skipBadRows = false
        try strict.refuseOrReport(problems, file: file)
    }

    /// Refuses the file when any row is bad (listing every one), unless told to skip them.
    func refuseOrReport(_ problems: [String], file: String) throws {
        guard !problems.isEmpty else { return }
        let list = problems.map { "  \($0)" }.joined(separator: "\n")
        if skipBadRows {
            Console.error("\(file): left out \(problems.count) bad row\(problems.count == 1 ? "" : "s"):\n\(list)\n")
            return
        }
        throw CLIError.badInput(
            """
            \(file) has \(problems.count) bad row\(problems.count == 1 ? "" : "s"), so nothing was imported:
            \(list)
            fix \(problems.count == 1 ? "it" : "them") and import again, or pass --skip-bad-rows to import the other rows
            """)
    }

    /// "; left out N bad rows" after a skipping import.
    func skipped(_ problems: [String]) -> String {
        problems.isEmpty ? "" : "; left out \(problems.count) bad row\(problems.count == 1 ? "" : "s") (listed above)"
    }
}
