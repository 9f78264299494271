import Foundation
import GRDB

/// Signed-in browsers' sessions, kept so that a restart signs no one out. Each is kept under the
/// SHA-256 hash of its key (the cookie's random id), so a copy of the database or a backup
/// cannot be used to take over a session.
public struct WebSessionStore: Store {
    let database: AppDatabase
}

extension AppDatabase {
    /// Signed-in browsers' sessions.
    public var webSessions: WebSessionStore { WebSessionStore(database: self) }
}

extension WebSessionStore {
    /// Keeps `value` under `key` until `expires` (seconds since 1970; `nil`: keep any expiry it
    /// had). With `onlyNew`, a key already kept (and not expired) is refused: returns `false`.
    @discardableResult
    public func put(_ key: String, _ value: Data, expires: Double?, onlyNew: Bool = false, now: Date = Date()) throws -> Bool {
        let hash = Hashing.sha256Hex(key)
        return try write { db in
            let kept = try Double?.fetchOne(db, sql: "SELECT expires_at FROM web_session WHERE key = ?", arguments: [hash])
            if onlyNew, let kept, kept.map({ $0 > now.timeIntervalSince1970 }) ?? true { return false }
            try db.execute(
                sql: "INSERT OR REPLACE INTO web_session (key, value, expires_at) VALUES (?, ?, ?)",
                arguments: [hash, value, expires ?? kept ?? nil])
            return true
        }
    }

    /// The value under `key` and its expiry, or `nil` when there is none or it has expired.
    public func get(_ key: String, now: Date = Date()) throws -> (value: Data, expires: Double?)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT value, expires_at FROM web_session WHERE key = ?", arguments: [Hashing.sha256Hex(key)])
            else { return nil }
            let r = StoredRow(row, table: "web_session", key: "key")
            let expires: Double? = try r(Column("expires_at"))
            if let expires, expires <= now.timeIntervalSince1970 { return nil }
            return (try r(Column("value")), expires)
        }
    }

    /// Forgets `key`.
    public func remove(_ key: String) throws {
        try write { db in try db.execute(sql: "DELETE FROM web_session WHERE key = ?", arguments: [Hashing.sha256Hex(key)]) }
    }

    /// Forgets every session that has expired; returns how many.
    @discardableResult
    public func removeExpired(now: Date = Date()) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE expires_at <= ?", arguments: [now.timeIntervalSince1970])
            return db.changesCount
        }
    }
}
