/// A referral's running series: who sees the pupil, on which weekday, how far it has got.
public struct Series: Hashable, Sendable {
    public var referral: Int64
    public var specialist: String
    /// Kept when the pathway asks for the same weekday.
    public var weekday: Weekday?
    public var sessionsDone: Int
    /// The Monday of the week of the last delivered session.
    public var lastWeek: CalendarDate?

    /// A series' state.
    public init(referral: Int64, specialist: String, weekday: Weekday?, sessionsDone: Int, lastWeek: CalendarDate?) {
        self.referral = referral
        self.specialist = specialist
        self.weekday = weekday
        self.sessionsDone = sessionsDone
        self.lastWeek = lastWeek
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

/// Whole days a specialist is away.
public struct Leave: Hashable, Sendable {
    public var specialist: String
    public var first: CalendarDate
    public var last: CalendarDate

    /// Leave from `first` to `last` inclusive.
    public init(specialist: String, first: CalendarDate, last: CalendarDate) {
        self.specialist = specialist
        self.first = first
        self.last = last
    }

    /// Whether it covers `date`.
    public func covers(_ date: CalendarDate) -> Bool { first <= date && date <= last }
}
