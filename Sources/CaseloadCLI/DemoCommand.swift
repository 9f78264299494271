import ArgumentParser
import CaseloadConfig
import CaseloadCore
import CaseloadService
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
            let loaded = try DemoTrust.load(into: try store.open(), fixtures: fixtures, config: try store.loadConfig(),
                                            today: try store.today(), stamp: store.stamp)
            print("imported \(loaded.schools) schools; skipped \(loaded.skippedSchools.count): \(loaded.skippedSchools.joined(separator: "; "))")
            print("imported \(loaded.specialists) specialists")
            print("took in \(loaded.referrals) referrals: \(loaded.waiting) on the waiting list, \(loaded.referrals - loaded.waiting) declined")
            print("next: caseload waitlist --db \(store.databasePath), or caseload schedule --db \(store.databasePath) --week MONDAY")
        }
    }
}
