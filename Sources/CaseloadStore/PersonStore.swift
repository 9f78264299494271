import CaseloadCore
import Foundation
import GRDB

/// A row of `person`.
struct PersonRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "person"
    var id: Int64?
    var name: String, email: String, createdAt: String, disabledAt: String?, subject: String?
    var delivery = "at_once"

    enum Columns: String, ColumnExpression {
        case id, name, email, subject, delivery
        case createdAt = "created_at"
        case disabledAt = "disabled_at"
    }
}

extension PersonRow {
    init(row: Row) throws {
        let r = StoredRow(row, table: "person")
        id = try r(Columns.id)
        name = try r(Columns.name)
        email = try r(Columns.email)
        createdAt = try r(Columns.createdAt)
        disabledAt = try r(Columns.disabledAt)
        subject = try r(Columns.subject)
        delivery = try r(Columns.delivery)
    }
}

/// A row of `person_role`: one role a person holds.
struct PersonRoleRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "person_role"
    var id: Int64?
    var personId: Int64, role: String, school: String?, specialist: String?

    enum Columns: String, ColumnExpression {
        case id, role, school, specialist
        case personId = "person_id"
    }

    /// The role; one that cannot be read is an error naming the row, never a role quietly lost.
    func read() throws -> Role {
        guard let role = Role(name: role, school: school, specialist: specialist), role != .monitor else {
            throw StoreError.unreadable(table: "person_role", row: "\(id ?? 0)", column: "role", value: "\"\(role.prefix(40))\"")
        }
        return role
    }
}

extension PersonRoleRow {
    init(row: Row) throws {
        let r = StoredRow(row, table: "person_role")
        id = try r(Columns.id)
        personId = try r(Columns.personId)
        role = try r(Columns.role)
        school = try r(Columns.school)
        specialist = try r(Columns.specialist)
    }
}

/// The trust's people: who they are, the roles they hold, whether they may come in.
public struct PersonStore: Store {
    let database: AppDatabase
}

extension AppDatabase {
    /// The trust's people and their roles.
    public var people: PersonStore { PersonStore(database: self) }
}

extension PersonStore {
    /// Every person, by name, with their roles.
    public func all() throws -> [Person] {
        try read { db in try PersonRow.order(Column("name").collating(.nocase), Column("id")).fetchAll(db).map { try $0.person(db) } }
    }

    /// Person `id`, or an error saying how to find the right number.
    public func person(_ id: Int64) throws -> Person {
        try read { db in try PersonStore.row(id, db).person(db) }
    }

    /// The identity of person `id` come in by `via`, or `nil` once they are switched off, gone,
    /// or hold no role: a signed-in session asks on every page, so switching off works at once.
    public func identity(person id: Int64, via: String) throws -> Identity? {
        try read { db in try PersonRow.fetchOne(db, key: id)?.person(db).identity(via: via) }
    }

    static func row(_ id: Int64, _ db: Database) throws -> PersonRow {
        guard let row = try PersonRow.fetchOne(db, key: id) else { throw StoreError.notFound("no person \(id)", next: .listPeople) }
        return row
    }
}

extension PersonRow {
    /// The person with their roles, read in the same transaction.
    func person(_ db: Database) throws -> Person {
        let roles = try PersonRoleRow.filter(Column("person_id") == id).order(Column("id")).fetchAll(db).map { try $0.read() }
        var person = Person(id: id ?? 0, name: name, email: email, roles: roles, disabledAt: disabledAt, hasSignedIn: subject != nil)
        guard let how = Delivery(rawValue: delivery) else {
            throw StoreError.unreadable(table: "person", row: "\(id ?? 0)", column: "delivery", value: "\"\(delivery.prefix(20))\"")
        }
        person.delivery = how
        return person
    }
}
