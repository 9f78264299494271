import Foundation
import GRDB

/// When and by whom a write is made; every write records it in the audit log.
public struct Stamp: Sendable {
    public var actor: String
    public var at: Date

    /// A stamp for `actor` at `at` (now by default).
    public init(actor: String, at: Date = Date()) { self.init(actor: actor, at: at, iso: at.ISO8601Format()) }

    /// ISO 8601, computed once per stamp.
    let iso: String

    init(actor: String, at: Date, iso: String) {
        self.actor = actor
        self.at = at
        self.iso = iso
    }
}

extension Database {
    /// Appends one row to the audit log; `detail` is stored as a JSON object with sorted keys.
    func audit(_ stamp: Stamp, _ action: String, _ entity: String, _ id: String, _ detail: [String: String]) throws {
        let json = String(decoding: try Database.auditEncoder.encode(detail), as: UTF8.self)
        try cachedStatement(sql: "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [stamp.iso, stamp.actor, action, entity, id, json])
    }

    /// Foundation's encoder, keys sorted and slashes left as they are.
    static let auditEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

extension AppDatabase {
    /// The audit log, oldest first, optionally for one entity (`referral`, `school`, …) and id.
    public func auditLog(entity: String? = nil, id: String? = nil) throws -> [AuditEntry] {
        try read { db in
            var request = AuditEntry.order(Column("id"))
            if let entity { request = request.filter(Column("entity") == entity) }
            if let id { request = request.filter(Column("entity_id") == id) }
            return try request.fetchAll(db)
        }
    }
}

extension AppDatabase {
    /// One page of the audit log, newest first: up to `limit` entries older than entry `before`
    /// (from the newest when `nil`), optionally of one kind of thing (`referral`, `config`, …).
    public func auditPage(before: Int64? = nil, entity: String? = nil, limit: Int = 100) throws -> [AuditEntry] {
        try read { db in
            var request = AuditEntry.order(Column("id").desc).limit(max(1, min(limit, 500)))
            if let before { request = request.filter(Column("id") < before) }
            if let entity { request = request.filter(Column("entity") == entity) }
            return try request.fetchAll(db)
        }
    }

    /// The kinds of thing the audit log names, for choosing one.
    public func auditEntities() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT entity FROM audit_log ORDER BY entity") }
    }
}

extension AppDatabase {
    /// Records a change made outside the database (the trust's settings file) in the audit log.
    public func recordAudit(_ stamp: Stamp, action: String, entity: String, id: String, detail: [String: String]) throws {
        try write { db in try db.audit(stamp, action, entity, id, detail) }
    }

    /// How many referrals wait, per service.
    public func waitingCounts() throws -> [String: Int] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT service, COUNT(*) FROM referral WHERE status = 'waiting' GROUP BY service")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as String, $0[1] as Int) })
        }
    }
}
