import CaseloadCore
import CaseloadPlanner
import CaseloadStore

/// One line of a specialist's day: a journey, a session or the break.
public struct AgendaItem: Sendable {
    /// What the line is.
    public enum Kind: String, Sendable { case travel, session, rest }
    public var kind: Kind
    /// Minutes after midnight.
    public var start: Int, end: Int
    /// The session, for a session line.
    public var row: TimetableRow?
    /// Where a journey goes, for a travel line.
    public var destination: String?
}

/// A specialist's week as they live it, day by day: each journey (from base or the last school),
/// each session and the day's break, in time order. Journeys come from the same travel model the
/// planner used; the break from the plan's route.
public enum DayAgenda {
    /// Each day's lines of `view` (one specialist's rows).
    public static func days(_ view: TimetableView) -> [CalendarDate: [AgendaItem]] {
        let writer = ICalendarWriter(rows: view.rows, scenario: view.timetable.scenario, stamp: "")
        var out: [CalendarDate: [AgendaItem]] = [:]
        for visit in writer.visits() {
            let first = visit.rows[0]
            if visit.travelMinutes > 0 {
                out[first.date, default: []].append(
                    AgendaItem(
                        kind: .travel, start: visit.travelStart, end: visit.travelStart + visit.travelMinutes, destination: first.schoolName))
            }
            for row in visit.rows {
                out[row.date, default: []].append(
                    AgendaItem(kind: .session, start: row.booking.start.minutes, end: row.booking.end.minutes, row: row))
            }
        }
        for (date, rest) in breaks(view) { out[date, default: []].append(rest) }
        return out.mapValues { $0.sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// The breaks the plan gives on days with sessions in `view`.
    static func breaks(_ view: TimetableView) -> [(CalendarDate, AgendaItem)] {
        let t = view.timetable
        let working = Set(view.rows.map { "\($0.booking.specialist)|\($0.booking.day)" })
        let specialists = Dictionary(t.scenario.specialists.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return t.plan.routes.compactMap { route in
            guard working.contains("\(route.specialist)|\(route.day)"), let start = route.breakStart,
                let rest = specialists[route.specialist]?.days.first(where: { $0.day == route.day })?.rest
            else { return nil }
            return (t.weekStart.adding(days: route.day.index), AgendaItem(kind: .rest, start: start.minutes, end: start.minutes + rest.minutes))
        }
    }
}
