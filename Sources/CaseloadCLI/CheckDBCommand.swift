import ArgumentParser
import CaseloadStore
import Foundation

/// `caseload check-db`: SQLite's integrity check, the schema version and each table's rows.
struct CheckDBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-db", abstract: "Check the database: integrity, schema version and counts.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try AppDatabase.checkFile(store.databasePath)
        let report = try AppDatabase.report(path: store.databasePath)
        Console.print("\(store.databasePath): integrity \(report.integrity)")
        Console.print("  schema \"\(report.schema)\" (\(report.migrations) migrations), \(report.bytes / 1024) KiB")
        for (table, rows) in report.counts { Console.print("  \(table): \(rows)") }
        Console.print(report.schemaProblems.isEmpty ? "  schema: as Caseload made it" : "  schema: NOT as Caseload made it")
        for problem in report.schemaProblems { Console.print("    \(problem)") }
        guard report.integrity == "ok" else {
            throw StoreError.unavailable("the database fails its integrity check", next: .restoreBackup)
        }
        guard report.schemaProblems.isEmpty else {
            throw StoreError.unavailable("the database's schema has been changed outside Caseload", next: .restoreBackup)
        }
    }
}

/// A report's counts in a line.
enum DatabaseReportText {
    static func rows(_ r: DatabaseReport) -> String {
        let find = { (t: String) in r.counts.first { $0.table == t }?.rows ?? 0 }
        return "\(find("referral")) referrals, \(find("timetable")) weeks, \(find("audit_log")) audit entries"
    }
}
