import CaseloadCore
import CaseloadFormats
import CaseloadStore
import Foundation

/// The bundled demo trust: Kemnal's schools, a roster and a waiting list of referrals, loaded
/// from `Fixtures/` into a database (for `caseload demo`, the benchmarks and the tests).
public enum DemoTrust {
    /// What loading did.
    public struct Loaded: Sendable {
        public var schools: Int, skippedSchools: [String], specialists: Int, referrals: Int, waiting: Int
    }

    /// Loads the demo trust from the `fixtures` folder; every step is one transaction.
    public static func load(into db: AppDatabase, fixtures: String, config: TrustConfig, today: CalendarDate, stamp: Stamp) throws -> Loaded {
        let trust = "\(fixtures)/schools/the_kemnal_academies_trust"
        let (schools, skipped) = SchoolFile.read(schools: try text("\(trust).csv"), senExtra: try text("\(trust)_sen_extra.csv"))
        try db.roster.importSchools(schools, stamp: stamp)
        let locations = Dictionary(uniqueKeysWithValues: schools.map { ($0.urn, $0.location) })
        let roster = RosterReader.read(CSVTable(try text("\(fixtures)/trust/roster.csv")).objects(), schools: locations)
        guard roster.problems.isEmpty else { throw StoreError.invalid("roster.csv: \(roster.problems.joined(separator: "; "))") }
        try db.roster.importSpecialists(roster.entries, stamp: stamp)
        let intake = ReferralIntake(db: db, config: config)
        let referrals = intake.read(CSVTable(try text("\(fixtures)/trust/referrals.csv")).objects(), today: today, existingList: true)
        guard referrals.problems.isEmpty else { throw StoreError.invalid("referrals.csv: \(referrals.problems.joined(separator: "; "))") }
        let stored = try intake.take(referrals.requests, stamp: stamp)
        return Loaded(
            schools: schools.count, skippedSchools: skipped, specialists: roster.entries.count,
            referrals: stored.count, waiting: stored.filter { $0.status == .waiting }.count)
    }

    static func text(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.notFound("cannot read \(path); run from the repository root or pass the fixtures folder")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
