import ArgumentParser
import CaseloadConfig
import CaseloadCore
import CaseloadFixtures
import CaseloadStore
import Foundation

/// `caseload demo`: loads the bundled fixture trust into a database in one command.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the demo trust (Kemnal's schools, a roster, 1,000 referrals) into the database.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The bundled fixtures folder.") var fixtures = "Fixtures"

    func run() throws {
        try reportingErrors {
            guard !FileManager.default.fileExists(atPath: store.databasePath) else {
                throw CLIError.badInput("\(store.databasePath) already exists; pass --db with a new file name, or remove it first")
            }
            try InitCommand.initialise(store)
            let db = try AppDatabase.open(path: store.databasePath)
            let trust = "\(fixtures)/schools/\(BundledFixture.demoTrust)"
            let main = String(decoding: try ScenarioFiles.readFile("\(trust).csv", what: "schools"), as: UTF8.self)
            let extra = String(decoding: try ScenarioFiles.readFile("\(trust)_sen_extra.csv", what: "SEN counts"), as: UTF8.self)
            let (schools, skipped) = SchoolFile.read(schools: main, senExtra: extra)
            try db.importSchools(schools, stamp: store.stamp)
            print("imported \(schools.count) schools; skipped \(skipped.count): \(skipped.joined(separator: "; "))")
            try loadRosterAndReferrals(db, schools)
        }
    }

    func loadRosterAndReferrals(_ db: AppDatabase, _ schools: [SchoolRecord]) throws {
        let locations = Dictionary(uniqueKeysWithValues: schools.map { ($0.urn, $0.location) })
        let (roster, rosterProblems) = RosterReader.read(try rows("\(fixtures)/trust/roster.csv", key: "specialists"), schools: locations)
        try refuseOrReport(rosterProblems, file: "roster.csv", skip: false)
        print("imported \(try db.importSpecialists(roster, stamp: store.stamp)) specialists")
        let (requests, problems) = ReferralReader.read(try rows("\(fixtures)/trust/referrals.csv", key: "referrals"), today: try store.today())
        try refuseOrReport(problems, file: "referrals.csv", skip: false)
        let threshold = Threshold(try store.loadConfig())
        let stored = try db.submit(batch: requests.map { ($0, threshold.evaluate($0)) }, stamp: store.stamp)
        let waiting = stored.filter { $0.status == .waiting }.count
        print("took in \(stored.count) referrals: \(waiting) on the waiting list, \(stored.count - waiting) declined")
        print("next: caseload waitlist --db \(store.databasePath)")
    }
}
