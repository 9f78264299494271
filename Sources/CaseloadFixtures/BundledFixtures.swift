import CaseloadCore
import CaseloadFormats
import Foundation

/// The week scenarios bundled in `Fixtures/weeks/`, each fixed by its seed so that
/// `caseload fixtures build` regenerates them byte for byte.
public struct BundledFixture: Sendable {
    public var file: String
    /// The trust's school list in `Fixtures/schools/`, or `nil` for a synthetic county.
    public var trust: String?
    public var countySchools: Int = 0
    public var settings: WeekGenerator.Settings

    /// Every bundled fixture.
    public static let all: [BundledFixture] = [
        BundledFixture(
            file: "kemnal-w49.json", trust: "the_kemnal_academies_trust",
            settings: .init(
                name: "kemnal-w49", weekStart: "2026-11-30", seed: 4901,
                specialists: ["EP": 5, "SALT": 8, "COUNSELLING": 7])),
        BundledFixture(
            file: "kemnal-w50-lean.json", trust: "the_kemnal_academies_trust",
            settings: .init(
                name: "kemnal-w50-lean", weekStart: "2026-12-07", seed: 5002,
                specialists: ["EP": 2, "SALT": 3, "COUNSELLING": 3], demandFactor: 2.5)),
        BundledFixture(
            file: "ormiston-w49.json", trust: "ormiston_academies_trust",
            settings: .init(
                name: "ormiston-w49", weekStart: "2026-11-30", seed: 4903,
                specialists: ["EP": 6, "SALT": 9, "COUNSELLING": 8])),
        BundledFixture(
            file: "county-60.json", trust: nil, countySchools: 60,
            settings: .init(
                name: "county-60", weekStart: "2026-11-30", seed: 6004,
                specialists: ["EP": 5, "SALT": 8, "COUNSELLING": 6], sessions: 900)),
    ]

    /// The 400-school county of the planner benchmark (120 specialists, about 6,500 sessions);
    /// generated on demand rather than committed.
    public static let county400 = BundledFixture(
        file: "county-400.json", trust: nil, countySchools: 400,
        settings: .init(
            name: "county-400", weekStart: "2026-11-30", seed: 40_000,
            specialists: ["EP": 30, "SALT": 50, "COUNSELLING": 40], sessions: 6_500))

    /// The demo trust loaded by `caseload demo`: Kemnal's schools, its roster and referrals.
    public static let demoTrust = "the_kemnal_academies_trust"
    /// The demo's specialists per service, seed and the date its referrals run up to.
    public static let demoSpecialists = ["EP": 5, "SALT": 8, "COUNSELLING": 7]
    public static let demoSeed: UInt64 = 2026
    public static let demoAsOf = CalendarDate("2026-11-23")!
    public static let demoReferrals = 1_000

    /// The demo trust's roster and referrals CSVs, generated from `schoolsFolder`.
    public static func demoFiles(schoolsFolder: String) throws -> (roster: String, referrals: String) {
        let main = try String(contentsOfFile: "\(schoolsFolder)/\(demoTrust).csv", encoding: .utf8)
        let extra = try? String(contentsOfFile: "\(schoolsFolder)/\(demoTrust)_sen_extra.csv", encoding: .utf8)
        let g = TrustDemoGenerator(
            schools: SchoolFile.read(schools: main, senExtra: extra, namingUnnamed: true).schools, seed: demoSeed, asOf: demoAsOf)
        return (g.rosterCSV(specialists: demoSpecialists), g.referralsCSV(count: demoReferrals))
    }

    /// Generates the scenario, reading trust schools from `schoolsFolder`.
    public func scenario(schoolsFolder: String) throws -> WeekScenario {
        let schools: [SchoolRecord]
        if let trust {
            let main = try String(contentsOfFile: "\(schoolsFolder)/\(trust).csv", encoding: .utf8)
            let extra = try? String(contentsOfFile: "\(schoolsFolder)/\(trust)_sen_extra.csv", encoding: .utf8)
            schools = SchoolFile.read(schools: main, senExtra: extra, namingUnnamed: true).schools
        } else {
            schools = CountyGenerator(schoolCount: countySchools, seed: settings.seed).schools()
        }
        return WeekGenerator(schools: schools, settings: settings).scenario()
    }
}
