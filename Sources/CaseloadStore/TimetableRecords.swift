import CaseloadCore
import GRDB

/// A row of `timetable`: one week's plan, draft or published, with the scenario it solved.
struct TimetableRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "timetable"
    var weekStart: String, status: String, scenario: String, plan: String
    var servedPriority: Int, travelMin: Int, createdAt: String, publishedAt: String?
}

/// A row of `booking`.
struct BookingRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "booking"
    var id: Int64?
    var weekStart: String, referralId: Int64, sessionNumber: Int, specialistId: String, day: String
    var start: String, end: String, schoolUrn: String, outcome: String?

    init(week: CalendarDate, _ b: Booking) {
        weekStart = week.description; referralId = b.referral; sessionNumber = b.sessionNumber; specialistId = b.specialist
        day = b.day.rawValue; start = b.start.description; end = b.end.description; schoolUrn = b.school; outcome = nil
    }

    var booking: Booking {
        Booking(referral: referralId, sessionNumber: sessionNumber, specialist: specialistId, day: Weekday(rawValue: day) ?? .mon,
                start: ClockTime(start) ?? ClockTime(minutes: 0), end: ClockTime(end) ?? ClockTime(minutes: 0), school: schoolUrn)
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
        Series(referral: referralId, specialist: specialistId, weekday: weekday.flatMap(Weekday.init),
               sessionsDone: sessionsDone, lastWeek: lastWeek.flatMap(CalendarDate.init))
    }
}
