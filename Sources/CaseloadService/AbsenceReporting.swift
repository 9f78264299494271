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
        public var specialist: String
        public var from: CalendarDate, to: CalendarDate
        /// The whole days, or a morning or afternoon of one.
        public var part: DayPart
        /// Sessions booked on those days in published weeks (to move by re-planning).
        public var bookedSessions: Int
        /// The Mondays of those weeks.
        public var weeks: [CalendarDate]
    }

    /// Records `specialist` as away from `from` to `to` (inclusive), or for `part` of one day, as
    /// of `today`.
    public func report(
        _ specialist: String, from: CalendarDate, to: CalendarDate, part: DayPart = .whole, reason: String, by caller: Identity,
        today: CalendarDate, stamp: Stamp
    ) throws -> Recorded {
        try AccessPolicy.check(caller, .reportAbsence, .specialist(specialist))
        try AbsenceReporting.validate(from: from, to: to, reason: reason, today: today)
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        try db.calendar.addLeave(specialist: specialist, from: from, to: to, part: part, reason: why, stamp: stamp)
        return try touched(Leave(specialist: specialist, first: from, last: to, part: part))
    }

    /// Corrects absence `id` (its days, part or reason); the answer counts the booked sessions
    /// of the days it now covers, and names every published week it touched before or now.
    public func correct(
        _ id: Int64, from: CalendarDate, to: CalendarDate, part: DayPart, reason: String, by caller: Identity, today: CalendarDate,
        stamp: Stamp
    ) throws -> Recorded {
        guard let found = try db.calendar.absence(id) else {
            throw StoreError.notFound("no absence \(id)", next: .listSpecialists)
        }
        try AccessPolicy.check(caller, .reportAbsence, .specialist(found.leave.specialist))
        try AbsenceReporting.validate(from: from, to: to, reason: reason, today: today)
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let (before, after) = try db.calendar.correctAbsence(id, from: from, to: to, part: part, reason: why, stamp: stamp)
        var recorded = try touched(after)
        recorded.weeks = Array(Set(try touched(before).weeks + recorded.weeks)).sorted()
        return recorded
    }

    /// Withdraws absence `id`; the answer names the published weeks it touched.
    public func withdraw(_ id: Int64, reason: String, by caller: Identity, stamp: Stamp) throws -> Recorded {
        guard let found = try db.calendar.absence(id) else {
            throw StoreError.notFound("no absence \(id)", next: .listSpecialists)
        }
        try AccessPolicy.check(caller, .reportAbsence, .specialist(found.leave.specialist))
        let gone = try db.calendar.withdrawAbsence(id, reason: String(reason.prefix(120)), stamp: stamp)
        return try touched(gone)
    }

    /// The absences `caller` may see: a specialist's own, or (a leader) anyone's or one specialist's.
    public func list(_ specialist: String?, by caller: Identity) throws -> [AbsenceRecord] {
        let scope = try AccessPolicy.scope(caller, .reportAbsence, school: nil, specialist: specialist)
        guard case .specialist(let id) = scope else { return try db.calendar.absences() }
        return try db.calendar.absences(specialist: id)
    }

    /// The sessions booked in published weeks that `leave` covers (not yet recorded), and their weeks.
    func touched(_ leave: Leave) throws -> Recorded {
        var booked = 0
        var weeks: [CalendarDate] = []
        for week in try db.timetables.publishedWeeks(from: leave.first.monday, to: leave.last.monday) {
            guard let t = try db.timetables.timetable(week: week) else { continue }
            let n = t.bookings.filter { b in
                b.specialist == leave.specialist && leave.covers(week.adding(days: b.day.index), from: b.start, to: b.end)
                    && t.outcomes[b.referral] == nil
            }.count
            if n > 0 {
                booked += n
                weeks.append(week)
            }
        }
        return Recorded(specialist: leave.specialist, from: leave.first, to: leave.last, part: leave.part, bookedSessions: booked, weeks: weeks)
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
