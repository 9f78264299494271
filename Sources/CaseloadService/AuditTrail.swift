import CaseloadCore
import CaseloadStore

/// The audit log as a trust leader reads it: every write, who made it and when, newest first,
/// a page at a time. Nobody else reads it.
public struct AuditTrail: Sendable {
    public let db: AppDatabase

    /// The trail of `db`.
    public init(db: AppDatabase) { self.db = db }

    /// Up to `limit` entries older than `before`, optionally of one kind of thing.
    public func page(before: Int64?, entity: String?, limit: Int = 100, by caller: Identity) throws -> [AuditEntry] {
        try AccessPolicy.check(caller, .readAuditLog, .trust)
        return try db.auditPage(before: before, entity: entity, limit: limit)
    }

    /// The kinds of thing it names.
    public func entities(by caller: Identity) throws -> [String] {
        try AccessPolicy.check(caller, .readAuditLog, .trust)
        return try db.auditEntities()
    }
}
