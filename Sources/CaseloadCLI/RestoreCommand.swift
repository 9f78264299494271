import ArgumentParser
import CaseloadStore
import Foundation

/// `caseload restore FILE`: puts a backup in place of the database (stop the server first).
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup (stop the server first); the replaced file is kept as DB.before-restore.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The backup file (made by `caseload backup`).") var file: String

    func run() throws {
        let report = try AppDatabase.restore(from: file, to: store.databasePath)
        Console.print("restored \(file) to \(store.databasePath): integrity ok, schema \"\(report.schema)\", \(DatabaseReportText.rows(report))")
        Console.print("the file it replaced is kept as \(store.databasePath).before-restore; start the server again")
    }
}
