import ArgumentParser
import CaseloadConfig
import CaseloadCore
import CaseloadStore
import Foundation

/// Where the database and the trust's settings are, who is acting, and what day it is.
struct StoreOptions: ParsableArguments {
    @Option(help: "The database file (default: $CASELOAD_DB, else caseload.sqlite here).")
    var db: String?

    @Option(help: "The trust's settings (default: $CASELOAD_CONFIG, else Config/trust.yaml).")
    var config: String?

    @Option(help: "Treat this date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a time of day) as now (default: $CASELOAD_TODAY, else now in the UK).")
    var asOf: String?

    @Option(help: "Who is making the change, for the audit log (default: $USER).")
    var actor: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }
    var databasePath: String { db ?? environment["CASELOAD_DB"] ?? "caseload.sqlite" }
    var configPath: String { config ?? environment["CASELOAD_CONFIG"] ?? "Config/trust.yaml" }
    var stamp: Stamp { Stamp(actor: actor ?? environment["USER"].map { "cli:\($0)" } ?? "cli") }

    /// Opens the database; it must exist already (made by `caseload init`). `waitSeconds`: how
    /// long a write waits for another process's lock.
    func open(waitSeconds: Double = 10) throws -> AppDatabase {
        try AppDatabase.open(path: databasePath, waitSeconds: waitSeconds)
    }

    func loadConfig() throws -> TrustConfig {
        do { return try TrustConfigFile.load(configPath) } catch { throw CLIError.badInput(error.description) }
    }

    /// Now in the UK, or the moment `--as-of` / `$CASELOAD_TODAY` gives.
    func now() throws -> Moment {
        guard let text = asOf ?? environment["CASELOAD_TODAY"] else { return Moment.london() }
        guard let m = Moment(text) else { throw CLIError.badInput("--as-of \(text): write the date as YYYY-MM-DD, or YYYY-MM-DDTHH:MM") }
        return m
    }

    /// Today's date in the UK (or as `--as-of` says).
    func today() throws -> CalendarDate { try now().date }
}
