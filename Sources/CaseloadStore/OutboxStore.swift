import CaseloadCore
import Foundation
import GRDB

/// Messages waiting to be sent, sent, or failing: each written in the same transaction as the
/// change it tells of, so a crash never loses one nor sends one for a change that did not happen.
public struct OutboxStore: Store {
    let database: AppDatabase
}

extension AppDatabase {
    /// The outbox.
    public var outbox: OutboxStore { OutboxStore(database: self) }
}

/// A message as the sender takes it: to whom, what, and its stable Message-ID.
public struct OutgoingMessage: Sendable, Equatable {
    public var id: Int64
    public var person: Int64
    public var name: String, email: String
    public var kind: String
    public var notice: Notice
    /// The same on every attempt, so a relay or a mail client can tell a resend from a new message.
    public var messageId: String
    public var attempts: Int
    public var lastError: String?
    public var createdAt: String
    /// Whether the person takes a daily digest rather than each message at once.
    public var digest: Bool
}

extension OutboxStore {
    /// After this many failed attempts a message is shown to leaders (and still tried, hourly).
    public static let attemptsBeforeAlarm = 5

    /// Writes `notice` for each of `people` (their numbers, switched-off people left out) in
    /// `db`'s transaction. The sender holds a digest reader's messages for their digest.
    static func enqueue(_ db: Database, kind: String, _ notice: Notice, to people: some Sequence<Int64>, stamp: Stamp) throws {
        for person in Set(people).sorted() {
            guard try Bool.fetchOne(db, sql: "SELECT disabled_at IS NULL FROM person WHERE id = ?", arguments: [person]) == true else { continue }
            try db.execute(
                sql: "INSERT INTO outbox (person_id, kind, subject, body, link, created_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [person, kind, notice.subject, notice.body, notice.link, stamp.iso, stamp.iso])
            let id = db.lastInsertedRowID
            try db.execute(
                sql: "UPDATE outbox SET message_id = ? WHERE id = ?", arguments: ["<caseload-\(id)-\(Hashing.randomHex(bytes: 8))@caseload>", id])
        }
    }

    /// The messages due by `now` and not sent, whose next try has come, oldest first.
    public func due(now: Date) throws -> [OutgoingMessage] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT o.*, p.name, p.email, p.delivery FROM outbox o JOIN person p ON p.id = o.person_id
                    WHERE o.sent_at IS NULL AND o.handed_at IS NULL AND o.due_at <= ? AND (o.next_try_at IS NULL OR o.next_try_at <= ?)
                    AND p.disabled_at IS NULL
                    ORDER BY o.id LIMIT 500
                    """, arguments: [now.ISO8601Format(), now.ISO8601Format()]
            ).map(OutboxStore.message)
        }
    }

    /// Messages that have failed `attemptsBeforeAlarm` times or more and are not sent yet: shown to leaders.
    public func failing() throws -> [OutgoingMessage] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT o.*, p.name, p.email, p.delivery FROM outbox o JOIN person p ON p.id = o.person_id
                    WHERE o.sent_at IS NULL AND o.attempts >= ? ORDER BY o.id
                    """, arguments: [OutboxStore.attemptsBeforeAlarm]
            ).map(OutboxStore.message)
        }
    }

    /// Every message to person `person` (or all), newest first, up to `limit`.
    public func messages(to person: Int64? = nil, limit: Int = 200) throws -> [(message: OutgoingMessage, sentAt: String?)] {
        try read { db in
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT o.*, p.name, p.email, p.delivery FROM outbox o JOIN person p ON p.id = o.person_id
                    WHERE ? IS NULL OR o.person_id = ? ORDER BY o.id DESC LIMIT ?
                    """, arguments: [person, person, limit]
            ).map { (try OutboxStore.message($0), try StoredRow($0, table: "outbox")(Column("sent_at"))) }
        }
    }

    /// Marks messages `ids` sent at `at`.
    public func sent(_ ids: [Int64], at: Date) throws {
        try write { db in
            for id in ids {
                try db.execute(
                    sql: "UPDATE outbox SET sent_at = ?, last_error = NULL WHERE id = ? AND sent_at IS NULL", arguments: [at.ISO8601Format(), id])
            }
        }
    }

    /// Records that messages `ids` are being handed to the relay, before the handing: a message
    /// whose sender stopped before hearing back is in doubt, and is never handed over again.
    public func handing(_ ids: [Int64], at: Date) throws {
        try write { db in
            for id in ids { try db.execute(sql: "UPDATE outbox SET handed_at = ? WHERE id = ?", arguments: [at.ISO8601Format(), id]) }
        }
    }

    /// Counts as sent the messages handed to the relay at or before `before` whose sender never
    /// heard back (it was killed meanwhile; the sendmail it started carries on): sending one twice
    /// is worse than the small chance that it stopped between the handing and the hand-over.
    /// Returns how many.
    @discardableResult
    public func settleInDoubt(handedBefore before: Date) throws -> Int {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET sent_at = handed_at,
                    last_error = 'handed to the relay when the sender stopped before hearing back; counted as sent, so never sent twice'
                    WHERE sent_at IS NULL AND handed_at IS NOT NULL AND handed_at <= ?
                    """, arguments: [before.ISO8601Format()])
            return db.changesCount
        }
    }

    /// Records a failed attempt on messages `ids`; the next try waits 1, 2, 4 … minutes, at most an hour.
    public func failed(_ ids: [Int64], error: String, at: Date) throws {
        try write { db in
            for id in ids {
                let attempts = (try Int.fetchOne(db, sql: "SELECT attempts FROM outbox WHERE id = ?", arguments: [id]) ?? 0) + 1
                try db.execute(
                    sql: "UPDATE outbox SET attempts = ?, last_error = ?, next_try_at = ?, handed_at = NULL WHERE id = ?",
                    arguments: [attempts, String(error.prefix(300)), OutboxStore.nextTry(after: attempts, at: at), id])
            }
        }
    }

    /// When to try again after `attempts` failures: 1, 2, 4 … minutes later, at most an hour.
    static func nextTry(after attempts: Int, at: Date) -> String {
        at.addingTimeInterval(Double(min(3600, 60 * (1 << min(attempts - 1, 6))))).ISO8601Format()
    }

    static func message(_ row: Row) throws -> OutgoingMessage {
        let r = StoredRow(row, table: "outbox")
        return OutgoingMessage(
            id: try r(Column("id")), person: try r(Column("person_id")), name: try r(Column("name")), email: try r(Column("email")),
            kind: try r(Column("kind")),
            notice: Notice(subject: try r(Column("subject")), body: try r(Column("body")), link: try r(Column("link"))),
            messageId: try r(Column("message_id")), attempts: try r(Column("attempts")), lastError: try r(Column("last_error")),
            createdAt: try r(Column("created_at")), digest: try r(Column("delivery")) as String == "daily_digest")
    }
}
