import CaseloadCore
import Foundation
import GRDB

/// A row of `calendar_feed`: one specialist's private calendar subscription address, kept only
/// as the hash of its secret.
struct CalendarFeedRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "calendar_feed"
    var id: Int64?
    var specialist: String
    var hash: String
    var createdAt: String
    var revokedAt: String?
    /// The integration's access key it was asked for with, if one was: the feed stops with it.
    var tokenId: Int64?

    enum Columns: String, ColumnExpression {
        case id, specialist, hash
        case tokenId = "token_id"
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }
}

extension CalendarFeedRow {
    init(row: Row) throws {
        let r = StoredRow(row, table: "calendar_feed")
        id = try r(Columns.id)
        specialist = try r(Columns.specialist)
        hash = try r(Columns.hash)
        createdAt = try r(Columns.createdAt)
        revokedAt = try r(Columns.revokedAt)
        tokenId = try r(Columns.tokenId)
    }
}

/// A specialist's working subscription address, as listed (never its secret).
public struct CalendarFeedInfo: Sendable, Equatable {
    public var id: Int64
    public var specialist: String
    /// When it was made (ISO 8601).
    public var createdAt: String
}

extension AccessStore {
    /// A new private subscription address for `specialist`; any earlier one stops working in the
    /// same transaction. Asked for with an integration's key (`tokenId`), it stops when that key
    /// does. Returns the secret, which is shown once and stored only as its hash.
    public func newCalendarFeed(specialist: String, tokenId: Int64? = nil, stamp: Stamp) throws -> String {
        let secret = "cf_" + Hashing.randomHex(bytes: 32)
        try write { db in
            guard try SpecialistRow.exists(db, key: specialist) else {
                throw StoreError.notFound("no specialist \(specialist.prefix(40))", next: .listSpecialists)
            }
            let revoked = try revokeFeeds(db, specialist: specialist, stamp: stamp)
            try CalendarFeedRow(
                id: nil, specialist: specialist, hash: Hashing.sha256Hex(secret), createdAt: stamp.iso, revokedAt: nil, tokenId: tokenId
            ).insert(db)
            try db.audit(stamp, "create", "calendar_feed", "\(db.lastInsertedRowID)", ["specialist": specialist, "revoked": "\(revoked)"])
        }
        return secret
    }

    /// Stops every subscription address of `specialist`; returns how many were working.
    @discardableResult
    public func revokeCalendarFeeds(specialist: String, stamp: Stamp) throws -> Int {
        try write { db in try revokeFeeds(db, specialist: specialist, stamp: stamp) }
    }

    /// The working subscription address of `specialist`, if there is one.
    public func calendarFeed(specialist: String) throws -> CalendarFeedInfo? {
        try read { db in
            try CalendarFeedRow.filter(Column("specialist") == specialist && Column("revoked_at") == nil).fetchOne(db)
                .map { CalendarFeedInfo(id: $0.id ?? 0, specialist: $0.specialist, createdAt: $0.createdAt) }
        }
    }

    /// Whose week the subscription secret `secret` shows, or `nil` when it is unknown or revoked,
    /// or its specialist may no longer come in: every person holding that specialist's role is
    /// switched off, or the integration's key it was asked for with is revoked or expired.
    public func calendarFeed(secret: String, now: Date = Date()) throws -> CalendarFeedInfo? {
        guard secret.hasPrefix("cf_"), secret.count == 67 else { return nil }
        return try read { db in
            guard let row = try CalendarFeedRow.filter(Column("hash") == Hashing.sha256Hex(secret) && Column("revoked_at") == nil).fetchOne(db),
                try AccessStore.mayComeIn(row, db, now)
            else { return nil }
            return CalendarFeedInfo(id: row.id ?? 0, specialist: row.specialist, createdAt: row.createdAt)
        }
    }

    private static func mayComeIn(_ feed: CalendarFeedRow, _ db: Database, _ now: Date) throws -> Bool {
        let holders = try Bool.fetchAll(
            db,
            sql:
                "SELECT p.disabled_at IS NULL FROM person p JOIN person_role r ON r.person_id = p.id WHERE r.role = 'specialist' AND r.specialist = ?",
            arguments: [feed.specialist])
        if !holders.isEmpty && !holders.contains(true) { return false }
        guard let key = feed.tokenId else { return true }
        return try Bool.fetchOne(
            db, sql: "SELECT revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?) FROM token WHERE id = ?",
            arguments: [now.ISO8601Format(), key]) ?? false
    }

    private func revokeFeeds(_ db: Database, specialist: String, stamp: Stamp) throws -> Int {
        let live = try CalendarFeedRow.filter(Column("specialist") == specialist && Column("revoked_at") == nil).fetchAll(db)
        for var row in live {
            row.revokedAt = stamp.iso
            try row.update(db)
            try db.audit(stamp, "revoke", "calendar_feed", "\(row.id ?? 0)", ["specialist": specialist])
        }
        return live.count
    }
}
