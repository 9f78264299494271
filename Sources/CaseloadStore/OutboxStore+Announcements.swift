import CaseloadCore
import Foundation
import GRDB

/// Announcements for the trust's webhook (a Microsoft Teams channel, say): the leaders' messages
/// that carry no pupil data (a week waiting for review, a failed job), one per event, written in
/// the same transaction as the event. A shared channel never gets a pupil's reference.
extension OutboxStore {
    /// Writes an announcement of `notice` in `db`'s transaction.
    static func announce(_ db: Database, kind: String, _ notice: Notice, stamp: Stamp) throws {
        try db.execute(
            sql: "INSERT INTO announcement (kind, text, link, created_at) VALUES (?, ?, ?, ?)",
            arguments: [kind, "\(notice.subject)\n\n\(notice.body)", notice.link, stamp.iso])
    }

    /// The announcements not yet posted whose next try has come: their number, text and page.
    public func dueAnnouncements(now: Date) throws -> [(id: Int64, text: String, link: String)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT id, text, link FROM announcement WHERE sent_at IS NULL AND (next_try_at IS NULL OR next_try_at <= ?) ORDER BY id LIMIT 100",
                arguments: [now.ISO8601Format()]
            ).map { row in
                let r = StoredRow(row, table: "announcement")
                return (try r(Column("id")), try r(Column("text")), try r(Column("link")))
            }
        }
    }

    /// Marks announcement `id` posted.
    public func announced(_ id: Int64, at: Date) throws {
        try write { db in try db.execute(sql: "UPDATE announcement SET sent_at = ? WHERE id = ?", arguments: [at.ISO8601Format(), id]) }
    }

    /// Records a failed post of announcement `id`; tried again with the outbox's back-off.
    public func announceFailed(_ id: Int64, error: String, at: Date) throws {
        try write { db in
            let attempts = (try Int.fetchOne(db, sql: "SELECT attempts FROM announcement WHERE id = ?", arguments: [id]) ?? 0) + 1
            try db.execute(
                sql: "UPDATE announcement SET attempts = ?, last_error = ?, next_try_at = ? WHERE id = ?",
                arguments: [attempts, String(error.prefix(300)), OutboxStore.nextTry(after: attempts, at: at), id])
        }
    }
}
