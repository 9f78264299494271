import CaseloadCore
import Foundation
import GRDB
import Synchronization

/// The trust's one SQLite database: schools, specialists, referrals, their history and the
/// audit log. Opening it migrates it to the current schema; every write that must keep an
/// invariant lives in one of this type's extensions and runs in one transaction.
public final class AppDatabase: Sendable {
    /// The connection (a WAL-mode pool for files, a queue in memory), private as in GRDB's own
    /// demo: every read and write goes through `read`/`write` below and the stores built on them.
    private let writer: any DatabaseWriter
    /// SQLite's quick check reads the whole file, so it runs at most once a minute.
    let integrity = IntegrityCheck()

    /// Wraps `writer` and migrates it.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try writer.read { db in try AppDatabase.checkVersion(db) }
        try AppDatabase.migrator.migrate(writer)
        try writer.write { db in try db.execute(sql: "PRAGMA user_version = \(AppDatabase.schemaVersion)") }
    }

    /// Opens the Caseload database at `path` and migrates it to the current schema. A missing,
    /// empty (a failed copy) or foreign file is refused, never turned into an empty database:
    /// only `create(path:)` (`caseload init`) makes one.
    /// `waitSeconds`: how long a write waits for another process's lock before giving up (the
    /// server waits long, so that a long import from the command line never fails a caller).
    public static func open(path: String, waitSeconds: Double = 10) throws -> AppDatabase {
        try checkFile(path)
        return try pool(path, waitSeconds: waitSeconds)
    }

    /// Creates the database at `path` if there is no file there; an existing file must be a
    /// Caseload database, which is then opened as it is.
    public static func create(path: String) throws -> AppDatabase {
        FileManager.default.fileExists(atPath: path) ? try open(path: path) : try pool(path)
    }

    /// The settings of every connection to a database file: foreign keys on, writes waiting
    /// `waitSeconds` for another process's lock, freed space zeroed. (A test that must reach
    /// the file beneath the stores opens its own pool with these and hands it to `init`.)
    public static func configuration(waitSeconds: Double = 10) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(waitSeconds)
        // WAL with synchronous=NORMAL: a commit survives a crash of the process; only a power cut
        // can lose the last commits, and never corrupts the file.
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA secure_delete = ON")  // deleted and replaced values are overwritten with zeros
        }
        return config
    }

    static func pool(_ path: String, waitSeconds: Double = 10) throws -> AppDatabase {
        let config = configuration(waitSeconds: waitSeconds)
        do { return try AppDatabase(DatabasePool(path: path, configuration: config)) } catch let error as DatabaseError {
            throw StoreError.unavailable(
                "cannot open the database \(path) (\(error.message ?? "\(error.resultCode)")); check the path", next: .createDatabase)
        }
    }

    /// Refuses a path that is not a Caseload database, saying what it is instead.
    public static func checkFile(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw StoreError.invalid("there is no database at \(path); check the path", next: .createDatabase)
        }
        guard !isFolder.boolValue, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular
        else {
            throw StoreError.invalid("\(path) is not a file; give the path of the database file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.invalid("cannot read \(path); check its permissions") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard !header.isEmpty else {
            throw StoreError.invalid("\(path) is empty (a failed copy?)", next: .restoreBackup)
        }
        guard header == Data("SQLite format 3\u{0}".utf8) else { throw StoreError.invalid("\(path) is not a SQLite database; check the path") }
        var config = Configuration()
        config.readonly = true
        let isCaseload = try? DatabaseQueue(path: path, configuration: config).read { db in
            try db.tableExists("grdb_migrations") && db.tableExists("referral") && db.tableExists("audit_log")
        }
        guard isCaseload == true else {
            throw StoreError.invalid("\(path) is a SQLite database but not a Caseload one; check the path")
        }
        try DatabaseQueue(path: path, configuration: config).read { db in try checkSchema(db) }
    }

    /// A private in-memory database, for tests and what-if runs.
    public static func inMemory() throws -> AppDatabase {
        var config = Configuration()
        config.foreignKeysEnabled = true
        return try AppDatabase(DatabaseQueue(configuration: config))
    }

    /// Runs `body` in one write transaction (all or nothing), turning SQLite's errors into
    /// `StoreError`s that say what to do.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch let error as DatabaseError {
            throw AppDatabase.storeError(error)
        }
    }

    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let error as DatabaseError {
            throw AppDatabase.storeError(error)
        }
    }

    /// Runs `body` outside a transaction (a checkpoint).
    func writeWithoutTransaction(_ body: (Database) throws -> Void) throws {
        try writer.writeWithoutTransaction(body)
    }

    /// The file's path, or `nil` in memory.
    var filePath: String? { (writer as? DatabasePool)?.path }

    /// Copies this database into `copy` (SQLite's online backup).
    func backup(into copy: some DatabaseWriter) throws { try writer.backup(to: copy) }

    /// Overwrites this database with `backup`, then migrates it forward.
    func replace(with backup: some DatabaseReader) throws {
        try backup.backup(to: writer)
        try AppDatabase.migrator.migrate(writer)
    }

    /// Adds a transaction observer for the database's lifetime.
    func add(observer: some TransactionObserver) {
        writer.add(transactionObserver: observer, extent: .databaseLifetime)
    }

    static func storeError(_ error: DatabaseError) -> StoreError {
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CONSTRAINT: return .conflict("the change breaks a rule of the database (\(message)); nothing was written")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .unavailable("the database is busy (\(message)); try again")
        default: return .unavailable("database error: \(message)")
        }
    }

    /// What is wrong with the database, or `nil` when it is well: the file must still be where it
    /// was opened and pass SQLite's quick check.
    public func problem() -> String? {
        if let path = filePath, !FileManager.default.fileExists(atPath: path) {
            return "the database file \(path) is gone; writes would be lost at restart. Restore it and restart the server"
        }
        do {
            _ = try writer.read { try Int.fetchOne($0, sql: "PRAGMA schema_version") }
            return try integrity.check { try writer.read { try String.fetchOne($0, sql: "PRAGMA quick_check(1)") } }
        } catch {
            return "the database cannot be read (\(error)); check the file and restart the server"
        }
    }

    /// Whether the file is in WAL mode (a pool always is).
    public func journalMode() throws -> String {
        try writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" }
    }
}

/// What went wrong in the store, in words that say what to do next.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The thing asked for does not exist.
    case notFound(String, next: NextStep? = nil)
    /// The change conflicts with the current state (a duplicate, or a status that does not allow it).
    case conflict(String, next: NextStep? = nil)
    /// The input breaks a rule; nothing was written.
    case invalid(String, next: NextStep? = nil)
    /// The database cannot be used.
    case unavailable(String, next: NextStep? = nil)

    /// What is wrong, without advice: each edge adds its own from `next`.
    public var description: String {
        switch self {
        case .notFound(let m, _), .conflict(let m, _), .invalid(let m, _), .unavailable(let m, _): m
        }
    }

    /// What the person could do next, if the store knows.
    public var next: NextStep? {
        switch self {
        case .notFound(_, let n), .conflict(_, let n), .invalid(_, let n), .unavailable(_, let n): n
        }
    }
}

extension AppDatabase {
    /// Whether the file at `path` starts as a SQLite database does (any database, not only ours).
    public static func looksLikeSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)) == Data("SQLite format 3\u{0}".utf8)
    }

    /// A private in-memory copy of this database (for what-if runs that must never change it).
    public func copyInMemory() throws -> AppDatabase {
        var config = Configuration()
        config.foreignKeysEnabled = true
        let copy = try DatabaseQueue(configuration: config)
        try writer.backup(to: copy)
        return try AppDatabase(copy)
    }

    /// Copies this database over `other`, consistently even while others write (SQLite's online
    /// backup).
    public func copy(to other: AppDatabase) throws {
        try other.replace(with: writer)
    }
}

/// The last quick check's answer, reused for a minute.
final class IntegrityCheck: Sendable {
    private let last = Mutex<(at: ContinuousClock.Instant, problem: String?)?>(nil)

    /// `nil` when well, else what is wrong; runs `quickCheck` when the last answer is over a minute old.
    func check(_ quickCheck: () throws -> String?) throws -> String? {
        if let cached = last.withLock({ $0 }), ContinuousClock.now - cached.at < .seconds(60) { return cached.problem }
        let answer = try quickCheck()
        let problem = answer == "ok" ? nil : "the database fails its integrity check (\(answer ?? "no answer")); restore a backup"
        last.withLock { $0 = (.now, problem) }
        return problem
    }
}
