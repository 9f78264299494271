import CaseloadConfig
import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation

/// How well the first-session week promised on day one holds. Loads the demo trust, notes every
/// waiting referral's promised week as of the Sunday before `start` (from the planner's
/// projection, and from the plain fill rate for comparison), then rolls `weeks` term weeks
/// forward with the real planner (schedule, publish, deliver) and compares, per service, the week
/// each referral was first booked with its promise, in term weeks (a promise for the last week
/// before Christmas kept in the first week back is one week late). Two worlds: as projected (no
/// new referrals, every session delivered) and as lived (new referrals at the demo history's
/// rate, some of them urgent, and 8% of pupils absent; three futures, drawn with seeds other than
/// the projection's). Referrals promised beyond the horizon are left out of the table.
func estimates(weeks: Int, start: CalendarDate = CalendarDate("2026-11-30")!) throws {
    let config = try TrustConfigFile.load("Config/trust.yaml")
    let stamp = Stamp(actor: "bench")
    let db = try AppDatabase.inMemory()
    _ = try DemoTrust.load(into: db, fixtures: "Fixtures", config: config, today: start.adding(days: -7), stamp: stamp)
    let dayOne = start.adding(days: -1)
    let fillPromises = try db.referrals.waitingList(config: config, today: dayOne)
    var seconds = 0.0
    try timed(&seconds) { try WaitingProjection(db: db, config: config, weeks: weeks + 2).run(today: dayOne, stamp: stamp) }
    let promises = try db.referrals.waitingList(config: config, today: dayOne)
    print("first-session promises over \(weeks) term weeks from \(start), demo trust (projection made in \(String(format: "%.1f", seconds)) s)")
    let worlds: [(String, UInt64?, Double)] =
        [("as projected: no new referrals, all delivered", nil, 0.0)]
        + (UInt64(11)...13).map { seed in ("as lived (arrivals seed \(seed)): new referrals at the history's rate, 8% absent", seed, 0.08) }
    var pooled: (seen: [[Int64: Int]], weeks: [CalendarDate]) = ([], [])
    for (world, arrivals, absence) in worlds {
        let seen = try roll(db, config, start: start, weeks: weeks, arrivals: arrivals, absence: absence, stamp: stamp)
        if arrivals != nil {
            pooled.seen.append(seen.seen)
            pooled.weeks = seen.weeks
        }
        print("\n\(world)")
        table(promises, seen, config, title: "promise from the planner's projection")
        table(fillPromises, seen, config, title: "promise from the fill rate alone (before this issue)")
    }
    print("\nas lived, the three futures pooled")
    table(promises, pooled, config, title: "promise from the planner's projection")
    table(fillPromises, pooled, config, title: "promise from the fill rate alone (before this issue)")
    table(promises, pooled, config, title: "promises for weeks after the drafted one (the first week), from the projection", after: 0)
}

func timed(_ seconds: inout Double, _ body: () throws -> Void) rethrows {
    let start = ContinuousClock.now
    try body()
    let d = ContinuousClock.now - start
    seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Rolls a copy forward; returns each referral's first-booked term-week index.
func roll(
    _ source: AppDatabase, _ config: TrustConfig, start: CalendarDate, weeks: Int, arrivals: UInt64?, absence: Double,
    stamp: Stamp
) throws -> (seen: [Int64: Int], weeks: [CalendarDate]) {
    let db = try source.copyInMemory()
    let terms = try db.calendar.withClosures(config).calendar.termWeeks(from: start, count: weeks)
    let incoming = Arrivals(history: try db.referrals.all(), start: start, count: weeks, rate: nil, seed: arrivals ?? 0)
    let threshold = Threshold(config)
    var seen: [Int64: Int] = [:]
    let scheduler = WeeklyScheduler(db: db, config: config)
    for (w, week) in terms.enumerated() {
        if arrivals != nil {
            let batch = incoming.weeks[w].map { r in
                var r = r
                r.receivedOn = week.adding(days: -3)
                return r
            }
            _ = try db.referrals.submit(batch: batch.map { ($0, threshold.evaluate($0)) }, stamp: stamp)
        }
        let t = try scheduler.schedule(week: week, replan: false, stamp: stamp).timetable
        try db.timetables.publish(week: week, stamp: stamp)
        for b in t.bookings where b.sessionNumber == 1 && seen[b.referral] == nil { seen[b.referral] = w }
        for (day, bookings) in Dictionary(grouping: t.bookings, by: \.day) {
            let date = week.adding(days: day.index)
            let entries = bookings.map { b in
                var rng = SeededRandom(seed: (arrivals ?? 0) &* 0x2545_F491_4F6C_DD1D ^ UInt64(bitPattern: b.referral) ^ UInt64(date.dayNumber))
                return OutcomeEntry(referral: b.referral, outcome: rng.unit() < absence ? .pupilAbsent : .delivered)
            }
            _ = try db.timetables.recordOutcomes(day: date, entries, today: date, config: config, stamp: stamp)
        }
    }
    return (seen, terms)
}

func table(_ promised: [WaitingEntry], _ rolled: (seen: [Int64: Int], weeks: [CalendarDate]), _ config: TrustConfig, title: String) {
    table(promised, (seen: [rolled.seen], weeks: rolled.weeks), config, title: title)
}

/// The table over one or more futures (each referral counted once per future).
/// `after`: only promises for term weeks later than this index (0: after the drafted week).
func table(
    _ promised: [WaitingEntry], _ rolled: (seen: [[Int64: Int]], weeks: [CalendarDate]), _ config: TrustConfig, title: String, after: Int = -1
) {
    let index = Dictionary(uniqueKeysWithValues: rolled.weeks.enumerated().map { ($0.element, $0.offset) })
    print("  \(title)")
    print("  service       promised  within 1 week  later by 2+ weeks  any later  earlier by 2+ weeks  mean error (weeks)")
    var all: [Int] = []
    for service in config.services.map(\.code) {
        let errors = rolled.seen.flatMap { seen in
            promised.filter { $0.referral.request.service == service }.compactMap { e -> Int? in
                guard let p = e.estimatedFirstWeek.flatMap({ index[$0] }), p > after else { return nil }
                return (seen[e.referral.id] ?? rolled.weeks.count) - p  // not seen in the horizon: at least this late
            }
        }
        all += errors
        print("  " + row(service, errors))
    }
    print("  " + row("all", all))
}

func row(_ name: String, _ errors: [Int]) -> String {
    let n = Double(max(1, errors.count))
    func share(_ f: (Int) -> Bool) -> Double { 100 * Double(errors.filter(f).count) / n }
    return String(
        format: "%@  %8d  %12.1f%%  %16.1f%%  %8.1f%%  %18.1f%%  %+17.2f", name.padding(toLength: 12, withPad: " ", startingAt: 0),
        errors.count, share { abs($0) <= 1 }, share { $0 > 1 }, share { $0 > 0 }, share { $0 < -1 },
        Double(errors.reduce(0, +)) / n)
}
