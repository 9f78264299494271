import CaseloadConfig
import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation

/// How well the first-session week promised on day one holds: loads the demo trust, notes every
/// waiting referral's promised week as of the Sunday before `start`, then rolls `weeks` term
/// weeks forward with the real planner (schedule, publish, every session delivered, no new
/// referrals) and compares, per service, the week each referral was first seen with its promise,
/// counting term weeks only (a promise of the last week before Christmas kept in the first week
/// back is one week late). Referrals promised beyond the horizon are left out.
func estimates(weeks: Int, start: CalendarDate = CalendarDate("2026-11-30")!) throws {
    let config = try TrustConfigFile.load("Config/trust.yaml")
    let stamp = Stamp(actor: "bench")
    let db = try AppDatabase.inMemory()
    _ = try DemoTrust.load(into: db, fixtures: "Fixtures", config: config, today: start.adding(days: -7), stamp: stamp)
    let calendar = try db.withClosures(config).calendar
    let termWeeks = calendar.termWeeks(from: start, count: weeks)
    let index = Dictionary(uniqueKeysWithValues: termWeeks.enumerated().map { ($0.element, $0.offset) })
    let promised = try db.waitingList(config: config, today: start.adding(days: -1))
    var seen: [Int64: Int] = [:]
    let scheduler = WeeklyScheduler(db: db, config: config)
    for (w, week) in termWeeks.enumerated() {
        let t = try scheduler.schedule(week: week, replan: false, stamp: stamp).timetable
        try db.publish(week: week, stamp: stamp)
        for b in t.bookings where b.sessionNumber == 1 && seen[b.referral] == nil { seen[b.referral] = w }
        for (day, bookings) in Dictionary(grouping: t.bookings, by: \.day) {
            let date = week.adding(days: day.index)
            _ = try db.recordOutcomes(day: date, bookings.map { OutcomeEntry(referral: $0.referral, outcome: .delivered) }, today: date,
                                      config: config, stamp: stamp)
        }
    }
    print("first-session promises over \(weeks) term weeks from \(start) (\(termWeeks.first!) to \(termWeeks.last!)), demo trust")
    print("service       promised  within 1 week  later by 2+ weeks  any later  earlier by 2+ weeks  mean error (weeks)")
    var all: [Int] = []
    for service in config.services.map(\.code) {
        let errors = promised.filter { $0.referral.request.service == service }.compactMap { e -> Int? in
            guard let p = e.estimatedFirstWeek.flatMap({ index[$0] }) else { return nil }
            return (seen[e.referral.id] ?? weeks) - p   // not seen in the horizon: at least this late
        }
        all += errors
        print(row(service, errors))
    }
    print(row("all", all))
}

func row(_ name: String, _ errors: [Int]) -> String {
    let n = Double(max(1, errors.count))
    func share(_ f: (Int) -> Bool) -> Double { 100 * Double(errors.filter(f).count) / n }
    return String(format: "%@  %8d  %12.1f%%  %16.1f%%  %8.1f%%  %18.1f%%  %+17.2f", name.padding(toLength: 12, withPad: " ", startingAt: 0),
                  errors.count, share { abs($0) <= 1 }, share { $0 > 1 }, share { $0 > 0 }, share { $0 < -1 },
                  Double(errors.reduce(0, +)) / n)
}
