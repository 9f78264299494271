import CaseloadCore
import CaseloadStore

/// A stored week as one reader may see it (all of it, one specialist's or one school's part),
/// in each format the CLI and the API offer.
public struct TimetableView: Sendable {
    public let timetable: WeekTimetable
    public let rows: [TimetableRow]
    public let cancelled: [(row: TimetableRow, sequence: Int)]
    public let today: CalendarDate

    /// The view of `t` for one specialist or school (or all), as of `today`, in `words`.
    public init(
        _ t: WeekTimetable, referrals: [Int64: Referral], schools: [SchoolRecord], specialist: String? = nil,
        school: String? = nil, today: CalendarDate, words: TimetableWords = TimetableWords()
    ) {
        timetable = t
        rows = TimetableRows.rows(t, referrals: referrals, schools: schools, specialist: specialist, school: school, words: words)
        cancelled = TimetableRows.cancelledRows(
            t, referrals: referrals, schools: schools, specialist: specialist, school: school, words: words)
        self.today = today
    }

    /// CSV, with the week's status in its last column.
    public var csv: String { TimetableRows.csv(rows, published: timetable.published) }

    /// JSON with the week, its status and revision.
    public func json() throws -> String {
        try TimetableRows.json(rows, week: timetable.weekStart, published: timetable.published, revision: timetable.revision)
    }

    /// iCalendar, with cancelled sessions until the week ends.
    public var ics: String { ICalendarWriter(week: timetable, rows: rows, cancelled: cancelled, today: today).text }
}
