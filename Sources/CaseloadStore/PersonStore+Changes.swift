import CaseloadCore
import Foundation
import GRDB

extension PersonStore {
    /// Adds a person with `details` (name, email and roles all given and checked); returns their
    /// number. An email address already in use is a conflict naming it.
    @discardableResult
    public func add(_ details: PersonDetails, stamp: Stamp) throws -> Int64 {
        try write { db in try PersonStore.add(details, db, stamp) }
    }

    static func add(_ details: PersonDetails, _ db: Database, _ stamp: Stamp) throws -> Int64 {
        guard let name = details.name, let email = details.email, let roles = details.roles else {
            throw StoreError.invalid("a new person needs a name, an email address and at least one role")
        }
        try unused(email, except: nil, db)
        var row = PersonRow(id: nil, name: name, email: email, createdAt: stamp.iso, disabledAt: nil, subject: nil)
        row.delivery = (details.delivery ?? .atOnce).rawValue
        try row.insert(db)
        let id = db.lastInsertedRowID
        row.id = id
        try setRoles(roles, of: id, db)
        try db.audit(stamp, "create", "person", "\(id)", ["name": name, "email": email, "roles": spelled(roles)])
        return id
    }

    /// Changes person `id`: each detail given replaces what is kept; their roles are replaced
    /// all at once. Changing the email address forgets the sign-in it was matched to.
    public func change(_ id: Int64, _ details: PersonDetails, stamp: Stamp) throws {
        try write { db in try PersonStore.change(id, details, db, stamp) }
    }

    static func change(_ id: Int64, _ details: PersonDetails, _ db: Database, _ stamp: Stamp) throws {
        var row = try row(id, db)
        var said: [String: String] = [:]
        if let name = details.name, name != row.name { (row.name, said["name"]) = (name, name) }
        if let how = details.delivery?.rawValue, how != row.delivery { (row.delivery, said["delivery"]) = (how, how) }
        if let email = details.email, email != row.email {
            try unused(email, except: id, db)
            (row.email, row.subject, said["email"]) = (email, nil, email)
        }
        try row.update(db)
        if let roles = details.roles {
            try setRoles(roles, of: id, db)
            said["roles"] = spelled(roles)
        }
        try db.audit(stamp, "change", "person", "\(id)", said)
    }

    /// Switches person `id` off: their sessions end on their next request, their access keys
    /// stop working (revoked here, in the same transaction) and their calendar feeds stop.
    public func disable(_ id: Int64, stamp: Stamp) throws {
        try write { db in
            var row = try PersonStore.row(id, db)
            guard row.disabledAt == nil else { throw StoreError.conflict("person \(id) (\(row.name)) is already switched off") }
            row.disabledAt = stamp.iso
            try row.update(db)
            let keys = try TokenRow.filter(Column("person_id") == id && Column("revoked_at") == nil).fetchAll(db)
            for var key in keys {
                key.revokedAt = stamp.iso
                try key.update(db)
            }
            try db.audit(stamp, "disable", "person", "\(id)", ["name": row.name, "keys_revoked": "\(keys.count)"])
        }
    }

    /// Switches person `id` back on (their revoked keys stay revoked: make new ones).
    public func enable(_ id: Int64, stamp: Stamp) throws {
        try write { db in
            var row = try PersonStore.row(id, db)
            guard row.disabledAt != nil else { throw StoreError.conflict("person \(id) (\(row.name)) is not switched off") }
            row.disabledAt = nil
            try row.update(db)
            try db.audit(stamp, "enable", "person", "\(id)", ["name": row.name])
        }
    }

    /// Takes a staff list: each entry adds a person, or changes the one with that email address
    /// (name and roles). Everything or nothing: one bad entry stores none. Returns (added, changed).
    public func importStaff(_ entries: [PersonDetails], stamp: Stamp) throws -> (added: Int, changed: Int) {
        try write { db in
            var counts = (added: 0, changed: 0)
            for (n, entry) in entries.enumerated() {
                do {
                    if let found = try PersonRow.filter(Column("email") == entry.email).fetchOne(db), let id = found.id {
                        try PersonStore.change(id, PersonDetails(name: entry.name, roles: entry.roles), db, stamp)
                        counts.changed += 1
                    } else {
                        _ = try PersonStore.add(entry, db, stamp)
                        counts.added += 1
                    }
                } catch let error as StoreError {
                    throw StoreError.invalid("entry \(n + 1) (\(entry.email ?? "no email")): \(error.description); nothing was imported")
                }
            }
            return counts
        }
    }

    private static func unused(_ email: String, except id: Int64?, _ db: Database) throws {
        if let other = try PersonRow.filter(Column("email") == email).fetchOne(db), other.id != id {
            throw StoreError.conflict("\(email) is already person \(other.id ?? 0) (\(other.name)); change that person instead", next: .listPeople)
        }
    }

    private static func setRoles(_ roles: [Role], of id: Int64, _ db: Database) throws {
        try PersonRoleRow.filter(Column("person_id") == id).deleteAll(db)
        for role in Set(roles).sorted(by: { $0.spelled < $1.spelled }) {
            let (school, specialist) = try AccessStore.check(role, db)
            try PersonRoleRow(id: nil, personId: id, role: role.name, school: school, specialist: specialist).insert(db)
        }
    }

    static func spelled(_ roles: [Role]) -> String { roles.map(\.spelled).sorted().joined(separator: "; ") }
}
