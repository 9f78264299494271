import CaseloadConfig
import CaseloadCore
import CaseloadStore
import CaseloadTestSupport
import Foundation
import GRDB

/// A real SQLite file in a fresh temporary folder, removed by `cleanup()`.
struct TemporaryDatabase {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-store-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("caseload.sqlite").path }

    func open() throws -> AppDatabase {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try AppDatabase.create(path: path)
    }

    func cleanup() { try? FileManager.default.removeItem(at: folder) }
}

let config = try! TrustConfigFile.parse(shippedConfig)
let stamp = Stamp(actor: "test", at: Date(timeIntervalSince1970: 1_795_000_000))

func school(_ urn: String, pupils: Int = 300, support: Int = 40, ehc: Int = 5) -> SchoolRecord {
    SchoolRecord(
        urn: urn, name: "School \(urn)", phase: "Primary", location: GeoPoint(lat: 51.4, lon: 0.1),
        pupils: pupils, ehcPlans: ehc, senSupport: support)
}

func request(
    school: String = "100001", pupil: String = "P-001", service: String = "EP", severity: Int = 3,
    flags: ReferralFlags = ReferralFlags(), apdr: Int = 2, consent: Bool = true,
    received: String = "2026-11-02"
) -> ReferralRequest {
    ReferralRequest(
        school: school, pupilRef: pupil, yearGroup: 4, service: service, area: .cognitionAndLearning,
        severity: severity, flags: flags, apdrCycles: apdr, consent: consent, reason: "slow progress",
        receivedOn: CalendarDate(received)!)
}

/// A database with the test's own connection beneath it, as GRDB's demo tests hold theirs: the
/// app's writer is private, so a test that must read a pragma or damage a row uses this one.
struct Connected {
    let db: AppDatabase
    let raw: any DatabaseWriter

    /// The database file at `path` (which must exist), opened as the app opens it.
    static func file(_ path: String) throws -> Connected {
        let pool = try DatabasePool(path: path, configuration: AppDatabase.configuration())
        return Connected(db: try AppDatabase(pool), raw: pool)
    }

    /// A private in-memory copy of `source`.
    static func copy(of source: AppDatabase) throws -> Connected {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        let db = try AppDatabase(queue)
        try source.copy(to: db)
        return Connected(db: db, raw: queue)
    }
}
