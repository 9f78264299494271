import CaseloadCore
import Foundation
import GRDB

/// The scheduled jobs' runs: one row per job and due time, so a job runs once for each time it
/// is due, whoever asks and however often.
public struct JobStore: Store {
    let database: AppDatabase
}

extension AppDatabase {
    /// The scheduled jobs' runs.
    public var jobs: JobStore { JobStore(database: self) }
}

/// One run of a scheduled job.
public struct JobRun: Sendable, Equatable {
    public var job: String
    /// The time it was due (the trust's clock, `YYYY-MM-DDTHH:MM`).
    public var due: String
    public var startedAt: String
    public var finishedAt: String?
    /// `ok` or `failed`; `nil` while it runs.
    public var outcome: String?
    public var detail: String
}

extension JobStore {
    /// Claims the run of `job` due at `due`; `false` when it has run (or is running) already.
    public func claim(_ job: String, due: Moment, at: Date) throws -> Bool {
        try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO job_run (job, due_at, started_at) VALUES (?, ?, ?)",
                arguments: [job, due.description, at.ISO8601Format()])
            return db.changesCount == 1
        }
    }

    /// Records how the run ended; a failure also tells the leaders, in the same transaction.
    public func finish(_ job: String, due: Moment, ok: Bool, detail: String, at: Date, stamp: Stamp) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE job_run SET finished_at = ?, outcome = ?, detail = ? WHERE job = ? AND due_at = ?",
                arguments: [at.ISO8601Format(), ok ? "ok" : "failed", String(detail.prefix(500)), job, due.description])
            guard !ok else { return }
            let notice = Notice(
                subject: "\(JobsRule.title(job)) failed (it was due \(Notice.day(due.date)) at \(ClockTime(minutes: due.minutes)))",
                body: "It said: \(detail.prefix(500))\n\nIt runs again at its next time.",
                link: "/jobs")
            try OutboxStore.enqueue(db, kind: "job_failed", notice, to: try OutboxStore.holders(db, role: "leader"), stamp: stamp)
            try OutboxStore.announce(db, kind: "job_failed", notice, stamp: stamp)
        }
    }

    /// The latest run of `job`, if it has run.
    public func last(_ job: String) throws -> JobRun? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM job_run WHERE job = ? ORDER BY due_at DESC LIMIT 1", arguments: [job]).map(JobStore.run)
        }
    }

    static func run(_ row: Row) throws -> JobRun {
        let r = StoredRow(row, table: "job_run", key: "job")
        return JobRun(
            job: try r(Column("job")), due: try r(Column("due_at")), startedAt: try r(Column("started_at")),
            finishedAt: try r(Column("finished_at")), outcome: try r(Column("outcome")), detail: try r(Column("detail")))
    }
}
