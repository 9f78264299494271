/// A referral's running series: who sees the pupil, on which weekday, how far it has got.
public struct Series: Hashable, Sendable {
    public var referral: Int64
    public var specialist: String
    /// The weekday of its first session (what the pathway's `same_weekday` keeps).
    public var weekday: Weekday?
    public var sessionsDone: Int
    /// The Monday of the week of the last delivered session.
    public var lastWeek: CalendarDate?
    /// When its first session started (what the pathway's `same_time` keeps), if known.
    public var start: ClockTime?

    /// A series' state.
    public init(
        referral: Int64, specialist: String, weekday: Weekday?, sessionsDone: Int, lastWeek: CalendarDate?, start: ClockTime? = nil
    ) {
        self.referral = referral
        self.specialist = specialist
        self.weekday = weekday
        self.sessionsDone = sessionsDone
        self.lastWeek = lastWeek
        self.start = start
    }
}

/// One session booked in a week's timetable.
public struct Booking: Hashable, Sendable {
    public var referral: Int64
    /// 1 for the first session of the pathway.
    public var sessionNumber: Int
    public var specialist: String
    public var day: Weekday
    public var start: ClockTime
    public var end: ClockTime
    public var school: String

    /// A booking with every field.
    public init(referral: Int64, sessionNumber: Int, specialist: String, day: Weekday, start: ClockTime, end: ClockTime, school: String) {
        self.referral = referral
        self.sessionNumber = sessionNumber
        self.specialist = specialist
        self.day = day
        self.start = start
        self.end = end
        self.school = school
    }

    /// The session id used in the week's scenario and plan.
    public var sessionId: String { WeekDemand.sessionId(referral: referral, number: sessionNumber) }
}

/// What happened at a booked session.
public enum SessionOutcome: String, CaseIterable, Sendable, Codable {
    case delivered
    case schoolCancelled = "school_cancelled"
    case pupilAbsent = "pupil_absent"
    case specialistAbsent = "specialist_absent"
}

/// Days (or one half day) a specialist is away.
public struct Leave: Hashable, Sendable {
    public var specialist: String
    public var first: CalendarDate
    public var last: CalendarDate
    /// The whole of each day, or a morning or an afternoon (of a single day).
    public var part: DayPart

    /// Leave from `first` to `last` inclusive.
    public init(specialist: String, first: CalendarDate, last: CalendarDate, part: DayPart = .whole) {
        self.specialist = specialist
        self.first = first
        self.last = last
        self.part = part
    }

    /// Whether it covers any of `date`.
    public func covers(_ date: CalendarDate) -> Bool { first <= date && date <= last }

    /// Whether it covers a session from `start` to `end` on `date`.
    public func covers(_ date: CalendarDate, from start: ClockTime, to end: ClockTime) -> Bool {
        covers(date) && part.overlaps(start, end)
    }
}

/// Which part of a day an absence takes: the whole day, the morning (until 12:30) or the
/// afternoon (from 12:30).
public enum DayPart: String, CaseIterable, Sendable, Codable {
    case whole = "day"
    case morning
    case afternoon

    /// Where the morning ends and the afternoon begins.
    public static let noon = ClockTime(minutes: 12 * 60 + 30)

    /// Whether time from `start` to `end` falls in this part.
    public func overlaps(_ start: ClockTime, _ end: ClockTime) -> Bool {
        switch self {
        case .whole: true
        case .morning: start < DayPart.noon
        case .afternoon: end > DayPart.noon
        }
    }

    /// `day` less this part; `nil` when nothing of it is left.
    public func remaining(_ day: WorkingDay) -> WorkingDay? {
        var day = day
        switch self {
        case .whole: return nil
        case .morning: day.start = max(day.start, DayPart.noon)
        case .afternoon: day.end = min(day.end, DayPart.noon)
        }
        guard day.start < day.end else { return nil }
        if let rest = day.rest, !(day.start <= rest.earliest && rest.latestEnd <= day.end) { day.rest = nil }
        return day
    }

    /// The part in words ("the morning").
    public var words: String {
        switch self {
        case .whole: "the whole day"
        case .morning: "the morning"
        case .afternoon: "the afternoon"
        }
    }
}
