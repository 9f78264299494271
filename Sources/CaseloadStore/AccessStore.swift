import CaseloadCore
import Foundation
import GRDB

/// A row of `token`: an API token, kept only as its SHA-256 hash.
struct TokenRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "token"
    var id: Int64?
    var hash: String, role: String, school: String?, specialist: String?, label: String, createdAt: String, revokedAt: String?
    var expiresAt: String?
    /// The person it belongs to; `nil` for a named integration's key (its label names it).
    var personId: Int64?

    enum Columns: String, ColumnExpression {
        case id, hash, role, school, specialist, label
        case personId = "person_id"
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
        case expiresAt = "expires_at"
    }

    /// The identity the token gives: its person's, with every role they hold now (`nil` once
    /// they are switched off), or the integration's single role. A role that cannot be read (or
    /// lacks its school or specialist) is an error naming the token, never a key that quietly
    /// stops working.
    func identity(_ db: Database) throws -> Identity? {
        let id = self.id ?? 0
        if let personId {
            guard role == "person" else { throw unreadable }
            return try PersonRow.fetchOne(db, key: personId)?.person(db).identity(tokenId: id, via: "key \(id)")
        }
        guard let role = Role(name: role, school: school, specialist: specialist) else { throw unreadable }
        return Identity(tokenId: id, role: role, via: "integration '\(label.prefix(60))', key \(id)")
    }

    private var unreadable: StoreError {
        StoreError.unreadable(table: "token", row: "\(id ?? 0)", column: "role", value: "\"\(role.prefix(40))\"")
    }
}

extension TokenRow {
    init(row: Row) throws {
        let r = StoredRow(row, table: "token")
        id = try r(Columns.id)
        hash = try r(Columns.hash)
        role = try r(Columns.role)
        school = try r(Columns.school)
        specialist = try r(Columns.specialist)
        label = try r(Columns.label)
        createdAt = try r(Columns.createdAt)
        revokedAt = try r(Columns.revokedAt)
        expiresAt = try r(Columns.expiresAt)
        personId = try r(Columns.personId)
    }
}

/// A token as listed (never the secret itself).
public struct TokenInfo: Sendable {
    public var id: Int64, role: String, school: String?, specialist: String?, label: String, createdAt: String, revoked: Bool
    /// When it stops working (ISO 8601).
    public var expiresAt: String?
    /// The person it belongs to, or `nil` for a named integration's key (`label` names it).
    public var person: Int64?
}

extension AccessStore {
    /// How long a token works unless told otherwise.
    public static let tokenLifetimeDays = 180

    /// Creates a token for `role` that works for `days` days; returns its number and the secret,
    /// which is shown once and stored only as its hash.
    public func createToken(role: Role, label: String, days: Int = AccessStore.tokenLifetimeDays, stamp: Stamp) throws -> (id: Int64, secret: String)
    {
        guard (1...3650).contains(days) else { throw StoreError.invalid("a token lasts from 1 to 3650 days") }
        guard !label.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.invalid("a key with no person belongs to an integration: name it (--integration \"MIS sync\")")
        }
        return try write { db in
            let (school, specialist) = try AccessStore.check(role, db)
            return try insertToken(role.name, school, specialist, person: nil, label: label, days: days, db, stamp)
        }
    }

    /// Creates a key for person `person` that works for `days` days and acts as them, with the
    /// roles they hold when it is used; it stops when they are switched off.
    public func createToken(person: Int64, label: String, days: Int = AccessStore.tokenLifetimeDays, stamp: Stamp) throws -> (
        id: Int64, secret: String
    ) {
        guard (1...3650).contains(days) else { throw StoreError.invalid("a token lasts from 1 to 3650 days") }
        return try write { db in
            let who = try PersonStore.row(person, db)
            guard who.disabledAt == nil else { throw StoreError.conflict("person \(person) (\(who.name)) is switched off; switch them on first") }
            return try insertToken("person", nil, nil, person: person, label: label.isEmpty ? who.name : label, days: days, db, stamp)
        }
    }

    private func insertToken(
        _ role: String, _ school: String?, _ specialist: String?, person: Int64?, label: String, days: Int, _ db: Database, _ stamp: Stamp
    ) throws -> (id: Int64, secret: String) {
        let expires = stamp.at.addingTimeInterval(Double(days) * 86_400).ISO8601Format()
        let secret = "cl_" + Hashing.randomHex(bytes: 32)
        try TokenRow(
            id: nil, hash: Hashing.sha256Hex(secret), role: role, school: school, specialist: specialist, label: label,
            createdAt: stamp.iso, revokedAt: nil, expiresAt: expires, personId: person
        ).insert(db)
        let id = db.lastInsertedRowID
        try db.audit(
            stamp, "create", "token", "\(id)",
            [
                "role": role, "school": school ?? "", "specialist": specialist ?? "", "person": person.map { "\($0)" } ?? "",
                "label": label, "expires": expires,
            ])
        return (id, secret)
    }

    static func check(_ role: Role, _ db: Database) throws -> (String?, String?) {
        switch role {
        case .senco(let urn):
            guard try SchoolRow.exists(db, key: urn) else { throw StoreError.notFound("no school \(urn); import it first") }
            return (urn, nil)
        case .specialist(let id):
            guard try SpecialistRow.exists(db, key: id) else { throw StoreError.notFound("no specialist \(id)", next: .listSpecialists) }
            return (nil, id)
        case .leader, .monitor: return (nil, nil)
        }
    }

    /// Revokes token `id` at once.
    public func revokeToken(_ id: Int64, stamp: Stamp) throws {
        try write { db in
            guard var row = try TokenRow.fetchOne(db, key: id) else {
                throw StoreError.notFound("no token \(id)", next: .listTokens)
            }
            guard row.revokedAt == nil else { throw StoreError.conflict("token \(id) is already revoked") }
            row.revokedAt = stamp.iso
            try row.update(db)
            try db.audit(stamp, "revoke", "token", "\(id)", [:])
        }
    }

    /// The identity behind a secret, or `nil` for an unknown, revoked or expired token.
    public func identity(secret: String, now: Date = Date()) throws -> Identity? {
        try read { db in
            try TokenRow.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT * FROM token WHERE hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                        """), arguments: [Hashing.sha256Hex(secret), now.ISO8601Format()])?.identity(db)
        }
    }

    /// The identity behind token `id` while it still works (a signed-in web session's token), or
    /// `nil` once it is revoked or expired.
    public func identity(tokenId id: Int64, now: Date = Date()) throws -> Identity? {
        try read { db in
            try TokenRow.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT * FROM token WHERE id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
                        """), arguments: [id, now.ISO8601Format()])?.identity(db)
        }
    }

    /// Every token, without secrets.
    public func tokens() throws -> [TokenInfo] {
        try read { db in
            try TokenRow.order(Column("id")).fetchAll(db).map {
                TokenInfo(
                    id: $0.id ?? 0, role: $0.role, school: $0.school, specialist: $0.specialist, label: $0.label,
                    createdAt: $0.createdAt, revoked: $0.revokedAt != nil, expiresAt: $0.expiresAt,
                    person: $0.personId)
            }
        }
    }
}
