// Benchmarks that are not tests: `swift run -c release caseload-bench intake [COUNT]`.
import CaseloadConfig
import CaseloadCore
import CaseloadFixtures
import CaseloadFormats
import CaseloadService
import CaseloadStore
import Foundation

/// Wall seconds of `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Takes in `count` referrals in batches of 10,000 on a fresh database file, then computes the
/// whole waiting list; prints intake throughput and waiting-list time.
func intake(count: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try AppDatabase.create(path: folder.appendingPathComponent("bench.sqlite").path)
    let config = try TrustConfigFile.load("Config/trust.yaml")
    let text = try String(contentsOfFile: "Fixtures/schools/the_kemnal_academies_trust.csv", encoding: .utf8)
    let extra = try String(contentsOfFile: "Fixtures/schools/the_kemnal_academies_trust_sen_extra.csv", encoding: .utf8)
    let schools = SchoolFile.read(schools: text, senExtra: extra).schools
    let stamp = Stamp(actor: "bench")
    try db.roster.importSchools(schools, stamp: stamp)
    let today = CalendarDate("2026-11-23")!
    let csv = TrustDemoGenerator(schools: schools, seed: 1, asOf: today).referralsCSV(count: count)
    let requests = ReferralReader.read(CSVTable(csv).objects(), today: today, dating: .anyPast).requests
    let threshold = Threshold(config)
    let intakeSeconds = try seconds {
        for start in stride(from: 0, to: requests.count, by: 10_000) {
            let chunk = requests[start..<min(requests.count, start + 10_000)]
            _ = try db.referrals.submit(batch: chunk.map { ($0, threshold.evaluate($0)) }, stamp: stamp)
        }
    }
    var entries: [WaitingEntry] = []
    let listSeconds = try seconds { entries = try db.referrals.waitingList(config: config, today: today) }
    print(
        String(
            format: "intake: %d referrals in %.2f s = %.0f a second (threshold, score, row, status history, audit row each)",
            requests.count, intakeSeconds, Double(requests.count) / intakeSeconds))
    print(
        String(
            format: "waiting list: %d waiting of %d, computed in %.3f s (fetch, ageing, deadlines, fair share, estimates, sort)",
            entries.count, requests.count, listSeconds))
}

/// Prints `count` referrals of the demo trust's schools as a referrals CSV (for the API load benchmark).
func referralsCSV(count: Int) throws {
    let text = try String(contentsOfFile: "Fixtures/schools/the_kemnal_academies_trust.csv", encoding: .utf8)
    let extra = try String(contentsOfFile: "Fixtures/schools/the_kemnal_academies_trust_sen_extra.csv", encoding: .utf8)
    let schools = SchoolFile.read(schools: text, senExtra: extra).schools
    print(TrustDemoGenerator(schools: schools, seed: 7, asOf: CalendarDate("2026-11-23")!).referralsCSV(count: count), terminator: "")
}

/// Loads the demo trust into a fresh database file, then for `weeks` term weeks: schedules the week,
/// publishes it and marks every session delivered; prints the weekly planning time and the
/// waiting list's trend.
func rolling(weeks: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = try AppDatabase.create(path: folder.appendingPathComponent("bench.sqlite").path)
    let config = try TrustConfigFile.load("Config/trust.yaml")
    let stamp = Stamp(actor: "bench")
    _ = try DemoTrust.load(into: db, fixtures: "Fixtures", config: config, today: CalendarDate("2026-11-23")!, stamp: stamp)
    let scheduler = WeeklyScheduler(db: db, config: config)
    print("week        plan s  booked  waiting  EP  SALT  COUNSELLING  over target  active series  completed")
    let calendar = try db.calendar.withClosures(config).calendar
    for week in calendar.termWeeks(from: CalendarDate("2026-11-30")!, count: weeks) {
        var result: ScheduleResult!
        let s = try seconds { result = try scheduler.schedule(week: week, replan: false, stamp: stamp) }
        try db.timetables.publish(week: week, stamp: stamp)
        for (day, bookings) in Dictionary(grouping: result.timetable.bookings, by: \.day) {
            let date = week.adding(days: day.index)
            _ = try db.timetables.recordOutcomes(
                day: date, bookings.map { OutcomeEntry(referral: $0.referral, outcome: .delivered) }, today: date,
                config: config, stamp: stamp)
        }
        let list = try db.referrals.waitingList(config: config, today: week.adding(days: 7))
        let count = { (svc: String) in list.filter { $0.referral.request.service == svc }.count }
        print(
            String(
                format: "%@  %6.2f  %6d  %7d  %2d  %4d  %11d  %11d  %13d  %9d", week.description, s, result.timetable.bookings.count,
                list.count, count("EP"), count("SALT"), count("COUNSELLING"), list.filter(\.breached).count,
                try db.referrals.all(statuses: [.active]).count, try db.referrals.all(statuses: [.completed]).count))
    }
}

/// Times a 12-week what-if (baseline against a SALT threshold of 45) on the demo trust and on a
/// synthetic county of `schools` schools.
func simulate(weeks: Int, schools countySize: Int) throws {
    let config = try TrustConfigFile.load("Config/trust.yaml")
    var strict = config
    strict.services = strict.services.map {
        var s = $0
        if s.code == "SALT" { s.threshold = 45 }
        return s
    }
    let stamp = Stamp(actor: "bench")
    let trust = try AppDatabase.inMemory()
    _ = try DemoTrust.load(into: trust, fixtures: "Fixtures", config: config, today: CalendarDate("2026-11-23")!, stamp: stamp)
    let county = try AppDatabase.inMemory()
    let schools = CountyGenerator(schoolCount: countySize, seed: 7).schools()
    try county.roster.importSchools(schools, stamp: stamp)
    let generator = TrustDemoGenerator(schools: schools, seed: 7, asOf: CalendarDate("2026-11-23")!)
    let locations = Dictionary(uniqueKeysWithValues: schools.map { ($0.urn, $0.location) })
    try county.roster.importSpecialists(
        RosterReader.read(
            CSVTable(generator.rosterCSV(specialists: ["EP": 30, "SALT": 50, "COUNSELLING": 40])).objects(),
            schools: locations
        ).entries, stamp: stamp)
    let requests = ReferralReader.read(
        CSVTable(generator.referralsCSV(count: countySize * 15)).objects(), today: CalendarDate("2026-11-23")!, dating: .anyPast
    ).requests
    _ = try county.referrals.submit(batch: requests.map { ($0, Threshold(config).evaluate($0)) }, stamp: stamp)
    for (name, db) in [("demo trust (41 schools, 20 specialists)", trust), ("county (\(countySize) schools, 120 specialists)", county)] {
        let whatIf = WhatIf(simulation: TermSimulation(weeks: weeks, start: CalendarDate("2026-11-30")!))
        var report: SimulationReport!
        let s = try seconds {
            report = try whatIf.run(baseline: Policy(name: "now", config: config), alternative: Policy(name: "SALT 45", config: strict), db: db)
        }
        print(String(format: "%@: %d-week what-if (two runs) in %.1f s", name, weeks, s))
        print("  " + report.summary.joined(separator: "\n  "))
    }
}

let args = CommandLine.arguments.dropFirst()
switch args.first {
case "intake": try intake(count: args.dropFirst().first.flatMap(Int.init) ?? 100_000)
case "referrals-csv": try referralsCSV(count: args.dropFirst().first.flatMap(Int.init) ?? 60_000)
case "rolling": try rolling(weeks: args.dropFirst().first.flatMap(Int.init) ?? 12)
case "estimates": try estimates(weeks: args.dropFirst().first.flatMap(Int.init) ?? 10)
case "simulate": try simulate(weeks: args.dropFirst().first.flatMap(Int.init) ?? 12, schools: 400)
default:
    print(
        "usage: caseload-bench intake [COUNT] | rolling [WEEKS] | estimates [WEEKS] | simulate [WEEKS] | referrals-csv [COUNT]   (run from the repository root)"
    )
    exit(2)
}
