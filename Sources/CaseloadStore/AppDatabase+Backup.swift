import CaseloadCore
import Foundation
import GRDB

/// What `caseload check-db` reports of a database file.
public struct DatabaseReport: Sendable {
    /// `ok`, or SQLite's `PRAGMA integrity_check` findings.
    public var integrity: String
    /// The newest migration applied (the schema version), and how many there are.
    public var schema: String, migrations: Int
    /// Rows per table, by table name.
    public var counts: [(table: String, rows: Int)]
    /// How the schema differs from the one Caseload makes (an added trigger, view, table or
    /// index, a missing or altered one); empty when it is Caseload's own.
    public var schemaProblems: [String]
    /// The file's size in bytes (without its write-ahead log).
    public var bytes: Int
}

extension AppDatabase {
    /// Refuses a Caseload file that a newer Caseload has migrated (this one would not know its
    /// tables), and says so.
    static func checkSchema(_ db: Database) throws {
        try checkVersion(db)
        let known = Set(migrator.migrations)
        let applied = try migrator.appliedIdentifiers(db)
        let unknown = applied.subtracting(known)
        guard unknown.isEmpty else {
            throw StoreError.invalid(
                "this database was made by a newer Caseload (schema \"\(unknown.sorted().last!)\"); use that version, or restore a backup taken with this one"
            )
        }
    }

    /// An online, consistent copy of this database at `path` (SQLite's backup API, while others
    /// go on writing), written beside it first and moved into place only when whole and checked.
    /// An existing file is replaced only when `replace` says so.
    public func backup(to path: String, replace: Bool = false) throws -> DatabaseReport {
        if let problem = FilePlace.problem(path) { throw StoreError.invalid("cannot back up to \(path): \(problem)") }
        AppDatabase.removePartialCopies(of: path)
        if FileManager.default.fileExists(atPath: path) {
            guard replace else { throw StoreError.conflict("\(path) exists already; choose another name, or pass --replace to overwrite it") }
            guard AppDatabase.isRegularFile(path), AppDatabase.looksLikeSQLite(path) else {
                throw StoreError.invalid("\(path) is not a database file, so --replace will not overwrite it; choose a new file name")
            }
        }
        let partial = path + ".partial-\(Hashing.randomHex(bytes: 4))"
        defer { AppDatabase.removeFiles(partial) }
        do {
            let copy = try DatabaseQueue(path: partial)
            try backup(into: copy)
            try copy.close()
        } catch {
            throw StoreError.unavailable("the backup could not be written to \(path) (\(error)); check the folder exists and has room")
        }
        let report = try AppDatabase.report(path: partial)
        guard report.integrity == "ok" else { throw StoreError.unavailable("the copy failed its integrity check (\(report.integrity)); try again") }
        if replace { AppDatabase.removeFiles(path) }
        do { try FileManager.default.moveItem(atPath: partial, toPath: path) } catch {
            throw StoreError.unavailable("the checked copy could not be moved to \(path) (\(error.localizedDescription)); check the folder")
        }
        return report
    }

    /// Replaces the database at `target` with the backup at `source` after checking that the
    /// backup is a whole Caseload database of this version or older (then migrated forward). The
    /// file it replaces is kept beside it as `target.before-restore`. Stop the server first.
    public static func restore(from source: String, to target: String) throws -> DatabaseReport {
        try checkFile(source)
        let found = try report(path: source)
        guard found.integrity == "ok" else {
            throw StoreError.invalid("\(source) fails SQLite's integrity check (\(found.integrity)); restore an older backup")
        }
        guard found.schemaProblems.isEmpty else {
            throw StoreError.invalid(
                "\(source) is not as Caseload made it: \(found.schemaProblems.joined(separator: "; ")); nothing was restored. Restore an older backup"
            )
        }
        if FileManager.default.fileExists(atPath: target) {
            try checkFile(target)
            let keep = target + ".before-restore"
            removeFiles(keep)
            try AppDatabase.open(path: target).backup(to: keep)
        }
        var config = Configuration()
        config.readonly = true
        let backup = try DatabaseQueue(path: source, configuration: config)
        let restored = try pool(target)
        try restored.replace(with: backup)
        return try restored.report()
    }

    /// The report of the file at `path`, read-only: integrity, schema and counts. A file from a
    /// newer Caseload is refused.
    public static func report(path: String) throws -> DatabaseReport {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return try queue.read { db in try report(db, bytes: bytes) }
    }

    /// This database's report.
    public func report() throws -> DatabaseReport {
        let bytes = filePath.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int } ?? 0
        return try read { db in try AppDatabase.report(db, bytes: bytes) }
    }

    static func report(_ db: Database, bytes: Int) throws -> DatabaseReport {
        try checkSchema(db)
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        let applied = try migrator.appliedMigrations(db)
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
        let counts = try tables.map { ($0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0.quotedDatabaseIdentifier)") ?? 0) }
        return DatabaseReport(
            integrity: integrity, schema: applied.last ?? "none", migrations: applied.count, counts: counts,
            schemaProblems: try schemaProblems(db), bytes: bytes)
    }

    /// Removes a database file and its write-ahead log and shared-memory files (ordinary files
    /// only: never a folder or anything else a careless path names).
    static func removeFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] where isRegularFile(path + suffix) { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Removes what an interrupted backup to `path` left behind (`path.partial-XXXXXXXX`, with its
    /// log files) once it is over `minutes` old (younger, it may be another backup's copy in the
    /// making): a stale copy of pupil data must not lie about forever.
    static func removePartialCopies(of path: String, minutes: Double = 10) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = url.lastPathComponent + ".partial-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let tag = name.dropFirst(prefix.count).prefix(8)
            guard tag.count == 8, tag.allSatisfy(\.isHexDigit), ["", "-wal", "-shm", "-journal"].contains(String(name.dropFirst(prefix.count + 8)))
            else {
                continue
            }
            let file = folder + "/" + name
            let modified = (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date) ?? .distantFuture
            if isRegularFile(file), Date().timeIntervalSince(modified) > minutes * 60 { try? FileManager.default.removeItem(atPath: file) }
        }
    }

    /// Whether `path` is an ordinary file (not a folder, link target aside, device or socket).
    static func isRegularFile(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
    }
}
