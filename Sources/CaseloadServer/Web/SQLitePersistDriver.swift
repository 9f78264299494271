import CaseloadStore
import Foundation
import Hummingbird

/// hummingbird-auth's session persistence over the database (`web_session`), so a restart of
/// `caseload serve` signs no one out. Values are kept as JSON; expired ones are cleared at each
/// new sign-in.
struct SQLitePersistDriver: PersistDriver {
    let db: AppDatabase

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try db.webSessions.put(key, try JSONEncoder().encode(value), expires: Self.at(expires), onlyNew: true) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try db.webSessions.put(key, try JSONEncoder().encode(value), expires: Self.at(expires))
    }

    func get<Object: Codable & Sendable>(key: String, as object: Object.Type) async throws -> Object? {
        guard let kept = try db.webSessions.get(key) else { return nil }
        do { return try JSONDecoder().decode(Object.self, from: kept.value) } catch { throw PersistError.invalidConversion }
    }

    func remove(key: String) async throws { try db.webSessions.remove(key) }

    /// Nothing runs in the background: expired sessions are never read, and are cleared when
    /// someone signs in.
    func run() async throws {}

    static func at(_ expires: Duration?) -> Double? {
        expires.map { Date().timeIntervalSince1970 + Double($0.components.seconds) }
    }
}
