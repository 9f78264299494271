import ArgumentParser
import CaseloadStore
import Foundation

/// `caseload backup --to FILE`: an online, consistent copy of the database, safe while the
/// server is writing (SQLite's backup API), checked before it is put in place.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database consistently, even while the server is running.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Where to write the copy (a new file).") var to: String
    @Flag(help: "Overwrite FILE if it exists.") var replace = false

    func run() throws {
        let report = try store.open().backup(to: to, replace: replace)
        Console.print("backed up \(store.databasePath) to \(to): integrity ok, schema \"\(report.schema)\", \(DatabaseReportText.rows(report))")
    }
}
