import CaseloadCore
import CaseloadFormats
import CaseloadStore
import Foundation

/// The term to date at a glance, for the leaders' page, its printable report and the exports:
/// referrals in and decided, waits against targets, statutory deadlines, sessions and their
/// outcomes, hours against fair share, utilisation and travel, week by week.
public struct TermAtAGlance: Sendable {
    let db: AppDatabase
    let config: TrustConfig

    /// The use case over `db` under `config`.
    public init(db: AppDatabase, config: TrustConfig) {
        self.db = db
        self.config = config
    }

    /// The current term's figures up to `today` (the last term begun, in a holiday), for a leader.
    public func figures(today: CalendarDate, by caller: Identity) throws -> TermFigures {
        try AccessPolicy.check(caller, .planWeek, .trust)
        let calendar = try db.calendar.withClosures(config).calendar
        guard let term = calendar.terms.filter({ $0.from <= today }).max(by: { $0.from < $1.from }) else {
            throw StoreError.notFound("the school year has no term begun by \(today); add the terms under calendar in the settings")
        }
        let to = min(today, term.to)
        let firstSeen = try db.timetables.firstSeen()
        let (weeks, interrupted) = try use(from: term.from, to: to)
        let input = TermInput(
            from: term.from, to: to, referrals: try db.referrals.all(), firstSeen: firstSeen, leftWaiting: try db.referrals.leftWaiting(),
            sessions: try db.timetables.recordedSessions(from: term.from, to: to), weeks: weeks, interrupted: interrupted)
        return TermFigures(input, config: config, schools: try db.roster.schools())
    }

    /// Each published week's use of time, and the running blocks the weeks left without a session.
    func use(from: CalendarDate, to: CalendarDate) throws -> ([WeekUse], Int) {
        var weeks: [WeekUse] = []
        var interrupted = 0
        for monday in try db.timetables.publishedWeeks(from: from.adding(days: -from.weekday.index), to: to) {
            guard let t = try db.timetables.timetable(week: monday) else { continue }
            let working = t.scenario.specialists.flatMap(\.days).reduce(0) { $0 + $1.end.minutes - $1.start.minutes }
            let booked = t.bookings.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }
            weeks.append(
                WeekUse(monday: monday, bookedMinutes: booked, workingMinutes: working, travelMinutes: t.plan.statistics?.travelMinutes ?? 0))
            interrupted += t.interruptedBlocks.count
        }
        return (weeks, interrupted)
    }

    /// The figures as CSV: one row per service, per school and the trust.
    public static func csv(_ f: TermFigures) -> String {
        let bands = Array(Set(f.services.flatMap { $0.seenByBand.keys })).sorted()
        let head =
            ["scope", "name", "referrals_in", "accepted", "declined", "waiting_now"] + bands.map { "within_target_\($0)" }
            + ["median_wait_weeks", "p90_wait_weeks", "breaches", "statutory_met", "statutory_missed", "delivered", "pupil_absent"]
            + ["cancelled_by_school", "cancelled_by_trust", "delivered_hours", "fair_share_hours"]
        let rows = f.services.map { ("service", $0) } + f.schools.map { ("school", $0) } + [("trust", f.trust)]
        return CSVWriter.text([head] + rows.map { scope, l in row(scope, l, bands) })
    }

    static func row(_ scope: String, _ l: TermLine, _ bands: [String]) -> [String] {
        let share = bands.map { b in l.seenByBand[b].map { seen in String(format: "%.2f", Double(l.withinTargetByBand[b] ?? 0) / Double(seen)) } ?? ""
        }
        return [scope, l.name, "\(l.referralsIn)", "\(l.accepted)", "\(l.declined)", "\(l.waitingNow)"] + share
            + [String(format: "%.1f", l.medianWaitWeeks), String(format: "%.1f", l.p90WaitWeeks), "\(l.breaches)", "\(l.statutoryMet)"]
            + ["\(l.statutoryMissed)", "\(l.delivered)", "\(l.pupilAbsent)", "\(l.cancelledBySchool)", "\(l.cancelledByTrust)"]
            + [String(format: "%.1f", l.deliveredHours), l.fairShareHours.map { String(format: "%.1f", $0) } ?? ""]
    }

    /// The figures as JSON (snake_case keys).
    public static func json(_ f: TermFigures) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(f), as: UTF8.self)
    }

    /// The waiting list and the median wait, week by week, as SVG charts in the what-if's style.
    public static func charts(_ f: TermFigures, services: [(code: String, name: String)]) -> String {
        let labels = f.weekly.map { CalendarDate($0.monday).map { Notice.day($0) } ?? $0.monday }
        let colours = ["#1d4f91", "#b35900", "#00703c", "#6f3c97", "#a4161a"]
        let waiting = services.enumerated().map { k, s in
            SVGChart.Series(name: s.name, values: f.weekly.map { Double($0.waiting[s.code] ?? 0) }, dashed: false, colour: colours[k % 5])
        }
        let waits = [SVGChart.Series(name: "Median wait", values: f.weekly.map(\.medianWaitWeeks), dashed: false, colour: colours[0])]
        return SVGChart.lines(title: "Waiting at the start of each week", unit: "", labels: labels, series: waiting)
            + SVGChart.lines(title: "Median wait of those first seen each week (weeks)", unit: "", labels: labels, series: waits)
    }
}

extension TermAtAGlance {
    /// For an export a leader asks to carry pupil references: each referral of the term (received
    /// in it, or first seen in it) with its school's reference, service, dates and wait.
    public func referralRows(_ f: TermFigures, by caller: Identity) throws -> [[String: String]] {
        try AccessPolicy.check(caller, .managePupilData, .trust)
        guard let from = CalendarDate(f.from), let to = CalendarDate(f.to) else { return [] }
        let firstSeen = try db.timetables.firstSeen()
        return try db.referrals.all().filter { r in
            (from...to).contains(r.request.receivedOn) || firstSeen[r.id].map { (from...to).contains($0) } == true
        }.map { r in
            [
                "referral": "\(r.id)", "pupil_ref": r.request.pupilRef, "school": r.request.school, "service": r.request.service,
                "band": r.band, "status": r.status.rawValue, "received_on": r.request.receivedOn.description,
                "first_seen": firstSeen[r.id]?.description ?? "",
            ]
        }
    }
}
