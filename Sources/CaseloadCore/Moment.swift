import Foundation

/// A moment of the trust's day: a date and a time of day, in UK time (Europe/London), which is
/// what every school, specialist and deadline in England keeps.
public struct Moment: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var date: CalendarDate
    /// Minutes since midnight, local time.
    public var minutes: Int

    /// A moment from its date and minutes since midnight.
    public init(date: CalendarDate, minutes: Int = 0) {
        self.date = date
        self.minutes = minutes
    }

    /// Parses `YYYY-MM-DD` (the start of that day) or `YYYY-MM-DDTHH:MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count <= 2, let d = CalendarDate(String(parts[0])) else { return nil }
        if parts.count == 2 {
            guard let t = ClockTime(String(parts[1])), t.minutes < 1440 else { return nil }
            self.init(date: d, minutes: t.minutes)
        } else {
            self.init(date: d)
        }
    }

    /// The moment `instant` is in Europe/London (GMT in winter, BST in summer).
    public static func london(_ instant: Date = Date()) -> Moment {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date = CalendarDate(dayNumber: 0).with(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
        return Moment(date: date, minutes: (c.hour ?? 0) * 60 + (c.minute ?? 0))
    }

    /// The Monday of the week this moment falls in.
    public var monday: CalendarDate { date.adding(days: -date.weekday.index) }

    public var description: String {
        minutes == 0 ? date.description : "\(date)T\(ClockTime(minutes: minutes))"
    }

    public static func < (a: Moment, b: Moment) -> Bool { (a.date, a.minutes) < (b.date, b.minutes) }
}

extension CalendarDate {
    /// The date with these parts (they must form a real date).
    func with(year: Int, month: Int, day: Int) -> CalendarDate {
        func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return CalendarDate("\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))") ?? self
    }

    /// The Monday of the week this date falls in.
    public var monday: CalendarDate { adding(days: -weekday.index) }
}

/// How far a week has got as of a moment: which bookings have begun (and so are part of the
/// record, never moved by planning), and on which days new sessions may still be placed.
public struct WeekProgress: Sendable {
    public let week: CalendarDate
    /// `nil`: nothing of the week has happened yet.
    public let now: Moment?
    /// When the school day starts: a re-plan after this on a day places nothing new that day.
    public let dayStart: ClockTime

    /// The week starting `week` as of `now`.
    public init(week: CalendarDate, now: Moment?, dayStart: ClockTime) {
        self.week = week
        self.now = now
        self.dayStart = dayStart
    }

    /// The date of `day` in this week.
    public func date(_ day: Weekday) -> CalendarDate { week.adding(days: day.index) }

    /// Whether a booking has begun: its day has passed, or it is today and its start has come.
    public func hasBegun(_ b: Booking) -> Bool {
        guard let now else { return false }
        let d = date(b.day)
        return d < now.date || (d == now.date && b.start.minutes <= now.minutes)
    }

    /// Whether new sessions may go on `day`: it is still to come, or it is today and the school
    /// day has not started (a re-plan during the day books new sessions from tomorrow).
    public func isOpen(_ day: Weekday) -> Bool {
        guard let now else { return true }
        let d = date(day)
        return d > now.date || (d == now.date && now.minutes < dayStart.minutes)
    }

    /// The days new sessions may go on, in order.
    public var openDays: [Weekday] { Weekday.allCases.filter(isOpen) }
}
