import CaseloadCore
import CaseloadStore

extension TermSimulation {
    func measure(_ t: WeekTimetable, _ waitingBefore: [WaitingEntry], _ db: AppDatabase, _ config: TrustConfig) throws -> WeekFigures {
        let waiting = try db.referrals.waitingList(config: config, today: t.weekStart.adding(days: 7))
        let referrals = Dictionary(
            uniqueKeysWithValues: try db.referrals.all().filter { r in t.bookings.contains { $0.referral == r.id } }.map { ($0.id, $0) })
        let report = WeekReport(t, referrals: referrals, waiting: waiting, schools: try db.roster.schools(), config: config)
        let services = config.services.map(\.code)
        var figures = WeekFigures(
            week: t.weekStart, waiting: [:], withinTarget: [:], medianWait: [:], p90Wait: [:],
            statutoryBreaches: waiting.filter { ($0.statutoryDeadline?.dayNumber ?? Int.max) < t.weekStart.adding(days: 7).dayNumber }.count,
            travelMinutes: report.travelMinutes, miles: report.miles,
            sessionHours: report.specialists.reduce(0) { $0 + $1.sessionHours },
            workingHours: report.specialists.reduce(0) { $0 + $1.workingHours }, schoolHours: [:])
        let firstBooked = Set(t.bookings.filter { $0.sessionNumber == 1 }.map(\.referral))
        for s in services {
            figures.waiting[s] = waiting.filter { $0.referral.request.service == s }.count
            let seen = waitingBefore.filter { $0.referral.request.service == s && firstBooked.contains($0.referral.id) }
            figures.withinTarget[s] = seen.isEmpty ? 1 : Double(seen.filter { !$0.breached }.count) / Double(seen.count)
        }
        for line in report.schools where line.hours > 0 { figures.schoolHours[line.school, default: [:]][line.service] = line.hours }
        return figures
    }

    static func percentile(_ sorted: [Int], _ q: Double) -> Int {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))]
    }
}
