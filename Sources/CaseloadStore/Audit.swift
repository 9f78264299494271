import Foundation
import GRDB

/// When and by whom a write is made; every write records it in the audit log.
public struct Stamp: Sendable {
    public var actor: String
    public var at: Date

    /// A stamp for `actor` at `at` (now by default).
    public init(actor: String, at: Date = Date()) { self.actor = actor; self.at = at }

    var iso: String { at.ISO8601Format() }
}

extension Database {
    /// Appends one row to the audit log.
    func audit(_ stamp: Stamp, _ action: String, _ entity: String, _ id: String, _ detail: [String: String]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(detail), as: UTF8.self)
        try AuditEntry(id: nil, at: stamp.iso, actor: stamp.actor, action: action, entity: entity, entityId: id, detail: json).insert(self)
    }
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
