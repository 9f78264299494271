import CaseloadCore
import Foundation
import GRDB

/// The trust's one SQLite database: schools, specialists, referrals, their history and the
/// audit log. Opening it migrates it to the current schema; every write that must keep an
/// invariant lives in one of this type's extensions and runs in one transaction.
public final class AppDatabase: Sendable {
    /// The connection (a WAL-mode pool for files, a queue in memory).
    public let writer: any DatabaseWriter

    /// Wraps `writer` and migrates it.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try AppDatabase.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the database file at `path`, in WAL mode with foreign keys on.
    public static func open(path: String) throws -> AppDatabase {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        // WAL with synchronous=NORMAL: a commit survives a crash of the process; only a power cut
        // can lose the last commits, and never corrupts the file.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do { return try AppDatabase(DatabasePool(path: path, configuration: config)) } catch let error as DatabaseError {
            throw StoreError.unavailable("cannot open the database \(path) (\(error.message ?? "\(error.resultCode)")); check the path, or run `caseload init`")
        }
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

    static func storeError(_ error: DatabaseError) -> StoreError {
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CONSTRAINT: return .conflict("the change breaks a rule of the database (\(message)); nothing was written")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .unavailable("the database is busy (\(message)); try again")
        default: return .unavailable("database error: \(message)")
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
    case notFound(String)
    /// The change conflicts with the current state (a duplicate, or a status that does not allow it).
    case conflict(String)
    /// The input breaks a rule; nothing was written.
    case invalid(String)
    /// The database cannot be used.
    case unavailable(String)

    public var description: String {
        switch self {
        case .notFound(let m), .conflict(let m), .invalid(let m), .unavailable(let m): m
        }
    }
}

extension AppDatabase {
    /// A private in-memory copy of this database (for what-if runs that must never change it).
    public func copyInMemory() throws -> AppDatabase {
        var config = Configuration()
        config.foreignKeysEnabled = true
        let copy = try DatabaseQueue(configuration: config)
        try writer.backup(to: copy)
        return try AppDatabase(copy)
    }
}
