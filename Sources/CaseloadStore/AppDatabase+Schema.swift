import Foundation
import GRDB
import Synchronization

/// The schema objects (tables, indexes, triggers, views) of a database, by type and name, with
/// their SQL with white space folded.
struct SchemaObjects: Equatable {
    var objects: [String: String]

    init(_ db: Database) throws {
        let rows = try Row.fetchAll(
            db, sql: "SELECT type, name, COALESCE(sql, '') AS sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        objects = Dictionary(
            rows.map { row in ("\(row["type"] as String) \(row["name"] as String)", SchemaObjects.folded(row["sql"])) },
            uniquingKeysWith: { a, _ in a })
    }

    static func folded(_ sql: String) -> String {
        sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What `found` has that this (the expected schema) has not, what it lacks, and what it
    /// defines differently, one line each.
    func differences(in found: SchemaObjects) -> [String] {
        let extra = found.objects.keys.filter { objects[$0] == nil }.sorted().map { "an extra \($0) that Caseload does not make" }
        let missing = objects.keys.filter { found.objects[$0] == nil }.sorted().map { "no \($0), which Caseload needs" }
        let changed = objects.keys.filter { found.objects[$0] != nil && found.objects[$0] != objects[$0] }.sorted()
            .map { "the \($0) is defined differently from Caseload's" }
        return extra + missing + changed
    }
}

extension AppDatabase {
    /// The `user_version` a database has once this Caseload has migrated it: the number of migrations.
    static var schemaVersion: Int { migrator.migrations.count }

    /// Every way the database's schema differs from the one Caseload's migrations make (up to the
    /// last migration applied to it): an added trigger, view, table or index, a missing or altered
    /// one. Empty when the schema is exactly Caseload's.
    static func schemaProblems(_ db: Database) throws -> [String] {
        let applied = try migrator.appliedMigrations(db)
        guard let last = applied.last else { return ["no Caseload migration has been applied to it"] }
        return try expectedSchema(upTo: last).differences(in: SchemaObjects(db))
    }

    /// Refuses a file that a newer Caseload made: by its `user_version` and its migrations.
    static func checkVersion(_ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard version <= schemaVersion else {
            throw StoreError.invalid(
                "this database was made by a newer Caseload (schema version \(version), this one knows \(schemaVersion)); use that version, or restore a backup taken with this one"
            )
        }
    }

    private static let expected = Mutex<[String: SchemaObjects]>([:])

    /// The schema the migrations make up to `last`, made once in memory and kept.
    static func expectedSchema(upTo last: String) throws -> SchemaObjects {
        if let known = expected.withLock({ $0[last] }) { return known }
        let queue = try DatabaseQueue()
        try migrator.migrate(queue, upTo: last)
        let schema = try queue.read { try SchemaObjects($0) }
        expected.withLock { $0[last] = schema }
        return schema
    }
}
