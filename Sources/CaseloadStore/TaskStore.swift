import CaseloadCore
import Foundation
import GRDB

/// Heavy work started from a request (planning, re-planning, the what-if): each a row that says
/// whether it waits, runs, is done (with its result) or failed (with why), so the page that
/// follows it survives a reload, and two requests for the same work share one task.
public struct TaskStore: Store {
    let database: AppDatabase
}

extension AppDatabase {
    /// Heavy work started from requests.
    public var tasks: TaskStore { TaskStore(database: self) }
}

/// One piece of heavy work and how it stands.
public struct WorkTask: Sendable, Equatable {
    /// What the work is.
    public enum Kind: String, Sendable, CaseIterable {
        case plan, replan
        case replanPreview = "replan_preview"
        case whatIf = "what_if"
    }
    /// Where the work is.
    public enum State: String, Sendable {
        case waiting, running, done, failed
    }

    public var id: Int64
    public var kind: Kind
    /// Two requests with the same key while one waits or runs share it ("plan 2026-12-07").
    public var key: String
    public var state: State
    /// What it is, in words ("Planning the week of Mon 7 Dec").
    public var about: String
    /// About how long it takes, in seconds (0: unknown).
    public var expectedSeconds: Int
    /// Its result as JSON, once done.
    public var result: String?
    /// Why it failed, once failed.
    public var problem: String?
    public var requestedBy: String
    public var createdAt: String, startedAt: String?, finishedAt: String?

    /// Whether it has finished, one way or the other.
    public var finished: Bool { state == .done || state == .failed }
}

extension TaskStore {
    /// Adds a waiting task, or when one with the same key waits or runs already, answers that
    /// one (`started` false): a second click starts nothing.
    public func start(_ kind: WorkTask.Kind, key: String, about: String, expectedSeconds: Int, stamp: Stamp) throws -> (
        task: WorkTask, started: Bool
    ) {
        try write { db in
            if let same = try TaskStore.running(db, key: key) { return (same, false) }
            try db.execute(
                sql: """
                    INSERT INTO task (kind, key, state, about, expected_seconds, requested_by, created_at)
                    VALUES (?, ?, 'waiting', ?, ?, ?, ?)
                    """, arguments: [kind.rawValue, key, about, expectedSeconds, stamp.actor, stamp.iso])
            return (try TaskStore.one(db, db.lastInsertedRowID)!, true)
        }
    }

    /// Marks the task running.
    public func begin(_ id: Int64, at: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE task SET state = 'running', started_at = ? WHERE id = ?", arguments: [at.ISO8601Format(), id])
        }
    }

    /// Records the task's result (JSON) or why it failed.
    public func finish(_ id: Int64, result: Result<String, any Error>, at: Date) throws {
        try write { db in
            let (state, text, problem): (String, String?, String?) =
                switch result {
                case .success(let json): ("done", json, nil)
                case .failure(let error): ("failed", nil, String("\(error)".prefix(2000)))
                }
            try db.execute(
                sql: "UPDATE task SET state = ?, result = ?, problem = ?, finished_at = ? WHERE id = ?",
                arguments: [state, text, problem, at.ISO8601Format(), id])
        }
    }

    /// Fails every task a stopped server left waiting or running: the work it held in memory is
    /// gone. Returns how many.
    @discardableResult
    public func abandonUnfinished(at: Date) throws -> Int {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE task SET state = 'failed', finished_at = ?,
                    problem = 'the server stopped before this finished; look at the week (or the settings) and start it again if it is not done'
                    WHERE state IN ('waiting', 'running')
                    """, arguments: [at.ISO8601Format()])
            return db.changesCount
        }
    }

    /// The task numbered `id`, if there is one.
    public func task(_ id: Int64) throws -> WorkTask? {
        try read { db in try TaskStore.one(db, id) }
    }

    static func running(_ db: Database, key: String) throws -> WorkTask? {
        try Row.fetchOne(db, sql: "SELECT * FROM task WHERE key = ? AND state IN ('waiting', 'running')", arguments: [key])
            .map(TaskStore.task)
    }

    static func one(_ db: Database, _ id: Int64) throws -> WorkTask? {
        try Row.fetchOne(db, sql: "SELECT * FROM task WHERE id = ?", arguments: [id]).map(TaskStore.task)
    }

    static func task(_ row: Row) throws -> WorkTask {
        let r = StoredRow(row, table: "task")
        let kindText: String = try r(Column("kind"))
        let stateText: String = try r(Column("state"))
        guard let kind = WorkTask.Kind(rawValue: kindText) else { throw r.unreadable("kind", kindText.databaseValue) }
        guard let state = WorkTask.State(rawValue: stateText) else { throw r.unreadable("state", stateText.databaseValue) }
        return WorkTask(
            id: try r(Column("id")), kind: kind, key: try r(Column("key")), state: state, about: try r(Column("about")),
            expectedSeconds: try r(Column("expected_seconds")), result: try r(Column("result")), problem: try r(Column("problem")),
            requestedBy: try r(Column("requested_by")), createdAt: try r(Column("created_at")), startedAt: try r(Column("started_at")),
            finishedAt: try r(Column("finished_at")))
    }
}
