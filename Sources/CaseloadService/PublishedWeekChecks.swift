import CaseloadCore
import CaseloadStore

/// Published weeks that an absence or a closure recorded since has touched: visits still to come
/// that fall on a specialist's absence or on a day the school is closed. The leaders' home page
/// flags each, with one action to re-plan it.
public struct PublishedWeekChecks: Sendable {
    let db: AppDatabase
    let config: TrustConfig

    /// The use case over `db` under `config`.
    public init(db: AppDatabase, config: TrustConfig) {
        self.db = db
        self.config = config
    }

    /// A published week with visits that cannot happen as booked.
    public struct Touched: Sendable, Equatable {
        public var week: CalendarDate
        /// Visits still to come on an absence.
        public var onAbsence: Int
        /// Visits still to come on a closed school day.
        public var onClosure: Int
    }

    /// The published weeks from the one `now` is in, `weeks` of them, that need a re-plan (a
    /// leader may see this).
    public func touched(now: Moment, weeks: Int = 4, by caller: Identity) throws -> [Touched] {
        try AccessPolicy.check(caller, .planWeek, .trust)
        let calendar = try db.calendar.withClosures(config).calendar
        var found: [Touched] = []
        for k in 0..<weeks {
            let monday = now.monday.adding(days: 7 * k)
            guard let t = try db.timetables.timetable(week: monday), t.published else { continue }
            let leave = try db.calendar.leave(from: monday, to: monday.adding(days: 6))
            var seen = Touched(week: monday, onAbsence: 0, onClosure: 0)
            for b in t.bookings where t.outcomes[b.referral] == nil {
                let date = monday.adding(days: b.day.index)
                guard date > now.date || (date == now.date && b.start.minutes > now.minutes) else { continue }
                if leave.contains(where: { $0.specialist == b.specialist && $0.covers(date, from: b.start, to: b.end) }) { seen.onAbsence += 1 }
                if !calendar.isOpen(date, school: b.school) { seen.onClosure += 1 }
            }
            if seen.onAbsence + seen.onClosure > 0 { found.append(seen) }
        }
        return found
    }
}
