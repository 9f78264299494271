import CaseloadCore
import CaseloadStore
import Foundation

/// A specialist's absence (illness, a course, leave), reported by them or a trust leader. It is
/// recorded as leave at once, so the next plan or re-plan of those days books nobody; sessions
/// already in published weeks stay until a leader re-plans, and the answer says how many.
public struct AbsenceReporting: Sendable {
    public let db: AppDatabase

    /// Reporting into `db`.
    public init(db: AppDatabase) { self.db = db }

    /// What was recorded, and the booked sessions it touches.
    public struct Recorded: Sendable {
        public var from: CalendarDate, to: CalendarDate
        /// Sessions booked on those days in published weeks (to move by re-planning).
        public var bookedSessions: Int
        /// The Mondays of those weeks.
        public var weeks: [CalendarDate]
    }

    /// Records `specialist` as away from `from` to `to` (inclusive), as of `today`.
    public func report(
        _ specialist: String, from: CalendarDate, to: CalendarDate, reason: String, by caller: Identity, today: CalendarDate, stamp: Stamp
    ) throws -> Recorded {
        try AccessPolicy.check(caller, .reportAbsence, .specialist(specialist))
        try AbsenceReporting.validate(from: from, to: to, reason: reason, today: today)
        try db.calendar.addLeave(
            specialist: specialist, from: from, to: to, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines), stamp: stamp)
        let weeks = try db.timetables.publishedWeeks(from: from.monday, to: to.monday)
        var booked = 0
        var touched: [CalendarDate] = []
        for week in weeks {
            guard let t = try db.timetables.timetable(week: week) else { continue }
            let n = t.bookings.filter { b in
                let day = week.adding(days: b.day.index)
                return b.specialist == specialist && from <= day && day <= to && t.outcomes[b.referral] == nil
            }.count
            if n > 0 {
                booked += n
                touched.append(week)
            }
        }
        return Recorded(from: from, to: to, bookedSessions: booked, weeks: touched)
    }

    /// An absence starts no more than a week back, lasts at most a term (91 days), and says why
    /// in a few words (no pupil's details: it is the specialist's own record).
    static func validate(from: CalendarDate, to: CalendarDate, reason: String, today: CalendarDate) throws(InputError) {
        guard from <= to else { throw InputError(field: "to", problem: "the last day is before the first; give the last day away") }
        guard from >= today.adding(days: -7) else {
            throw InputError(field: "from", problem: "is more than a week ago; report an absence as it happens or before")
        }
        guard to.dayNumber - from.dayNumber <= 91 else { throw InputError(field: "to", problem: "report at most a term (91 days) at a time") }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 120 else {
            throw InputError(field: "reason", problem: "say why in a few words (1 to 120 characters), for example \"ill\" or \"course\"")
        }
    }
}
