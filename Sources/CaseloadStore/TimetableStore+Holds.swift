import CaseloadCore
import Foundation
import GRDB

/// A leader's objection to publishing a draft automatically: the week waits for a leader to
/// publish it by hand.
public struct WeekHold: Sendable, Equatable {
    public var week: CalendarDate
    public var reason: String
    /// Who held it (the audit log's actor).
    public var heldBy: String
    public var heldAt: String
}

extension TimetableStore {
    /// Holds the draft of `week` back from automatic publishing, with the leader's reason.
    public func hold(week: CalendarDate, reason: String, stamp: Stamp) throws {
        try write { db in
            guard let row = try TimetableRow.fetchOne(db, key: week), row.status == .draft else {
                throw StoreError.conflict(
                    "the week of \(week) has no draft waiting to be published, so there is nothing to hold", next: .generateWeek(week))
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO week_hold (week, reason, held_by, held_at) VALUES (?, ?, ?, ?)",
                arguments: [week.description, reason, stamp.actor, stamp.iso])
            try db.audit(stamp, "hold", "timetable", week.description, ["reason": reason])
        }
    }

    /// Lets the draft of `week` be published automatically again; `false` if it was not held.
    @discardableResult
    public func release(week: CalendarDate, stamp: Stamp) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM week_hold WHERE week = ?", arguments: [week.description])
            guard db.changesCount > 0 else { return false }
            try db.audit(stamp, "release", "timetable", week.description, [:])
            return true
        }
    }

    /// The leader's hold on `week`, if any.
    public func hold(week: CalendarDate) throws -> WeekHold? {
        try read { db in try TimetableStore.hold(db, week) }
    }

    static func hold(_ db: Database, _ week: CalendarDate) throws -> WeekHold? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM week_hold WHERE week = ?", arguments: [week.description]) else {
            return nil
        }
        let r = StoredRow(row, table: "week_hold", key: "week")
        return WeekHold(week: week, reason: try r(Column("reason")), heldBy: try r(Column("held_by")), heldAt: try r(Column("held_at")))
    }
}
