import CaseloadCore
import GRDB

/// A row of `timetable`: one week's plan, draft or published, with the scenario it solved.
struct TimetableRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "timetable"
    var weekStart: String, status: String, scenario: String, plan: String
    var servedPriority: Int, travelMin: Int, createdAt: String, publishedAt: String?
    /// 0 when first planned; one more at each re-plan (iCalendar's SEQUENCE).
    var revision: Int
    /// The last audit entry when it was planned: the state it was planned on.
    var basedOnAudit: Int64
}

/// A row of `cancelled_booking`: a published booking that a re-plan moved or dropped, kept so that
/// calendars can be told it is cancelled.
struct CancelledRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "cancelled_booking"
    var id: Int64?
    var weekStart: String, referralId: Int64, sessionNumber: Int, specialistId: String, day: String
    var start: String, end: String, schoolUrn: String, revision: Int

    init(_ b: BookingRow, revision: Int) {
        weekStart = b.weekStart
        referralId = b.referralId
        sessionNumber = b.sessionNumber
        specialistId = b.specialistId
        day = b.day
        start = b.start
        end = b.end
        schoolUrn = b.schoolUrn
        self.revision = revision
    }

    var booking: BookingRow {
        BookingRow(
            id: nil, weekStart: weekStart, referralId: referralId, sessionNumber: sessionNumber, specialistId: specialistId,
            day: day, start: start, end: end, schoolUrn: schoolUrn, outcome: nil, outcomeAt: nil, outcomeBy: nil)
    }
}

/// A row of `booking`.
struct BookingRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "booking"
    var id: Int64?
    var weekStart: String, referralId: Int64, sessionNumber: Int, specialistId: String, day: String
    var start: String, end: String, schoolUrn: String, outcome: String?
    /// When and by whom the outcome was recorded.
    var outcomeAt: String?, outcomeBy: String?

    init(
        id: Int64?, weekStart: String, referralId: Int64, sessionNumber: Int, specialistId: String, day: String, start: String,
        end: String, schoolUrn: String, outcome: String?, outcomeAt: String?, outcomeBy: String?
    ) {
        self.id = id
        self.weekStart = weekStart
        self.referralId = referralId
        self.sessionNumber = sessionNumber
        self.specialistId = specialistId
        self.day = day
        self.start = start
        self.end = end
        self.schoolUrn = schoolUrn
        self.outcome = outcome
        self.outcomeAt = outcomeAt
        self.outcomeBy = outcomeBy
    }

    init(week: CalendarDate, _ b: Booking) {
        self.init(
            id: nil, weekStart: week.description, referralId: b.referral, sessionNumber: b.sessionNumber,
            specialistId: b.specialist, day: b.day.rawValue, start: b.start.description, end: b.end.description,
            schoolUrn: b.school, outcome: nil, outcomeAt: nil, outcomeBy: nil)
    }

    /// The booking, or an error naming the row when a stored day or time cannot be read.
    func booking() throws -> Booking {
        guard let d = Weekday(rawValue: day), let a = ClockTime(start), let b = ClockTime(end) else {
            throw StoreError.unavailable("booking \(id ?? 0) of the week of \(weekStart) has an unreadable day or time in the database")
        }
        return Booking(
            referral: referralId, sessionNumber: sessionNumber, specialist: specialistId, day: d, start: a, end: b,
            school: schoolUrn)
    }

    /// The same session at the same place and time (outcomes aside).
    func sameSlot(_ o: BookingRow) -> Bool {
        (referralId, sessionNumber, specialistId, day) == (o.referralId, o.sessionNumber, o.specialistId, o.day)
            && (start, end, schoolUrn) == (o.start, o.end, o.schoolUrn)
    }

    /// The session's date.
    func date() throws -> CalendarDate {
        guard let monday = CalendarDate(weekStart), let d = Weekday(rawValue: day) else {
            throw StoreError.unavailable("booking \(id ?? 0) has an unreadable week or day in the database")
        }
        return monday.adding(days: d.index)
    }
}

/// A row of `unbooked`: a waiting referral not booked this week, and why.
struct UnbookedRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "unbooked"
    var weekStart: String, referralId: Int64, code: String, reason: String
}

/// A row of `series`.
struct SeriesRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "series"
    var referralId: Int64, specialistId: String, weekday: String?, sessionsDone: Int, lastWeek: String?

    var series: Series {
        Series(
            referral: referralId, specialist: specialistId, weekday: weekday.flatMap(Weekday.init),
            sessionsDone: sessionsDone, lastWeek: lastWeek.flatMap(CalendarDate.init))
    }
}
