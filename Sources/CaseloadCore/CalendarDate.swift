/// A calendar date (proleptic Gregorian) without a time zone, written `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    /// Parses `YYYY-MM-DD` (four-digit year, ASCII digits only); `nil` for anything else or a date
    /// that does not exist.
    public init?(_ text: String) {
        let p = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, p.count == 3, p[0].utf8.count == 4, p[1].utf8.count == 2,
            text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 45 }),
            let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
            (1...12).contains(m), d >= 1, d <= CalendarDate.daysIn(month: m, year: y)
        else { return nil }
        year = y
        month = m
        day = d
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday.allCases[((dayNumber % 7) + 7 + 3) % 7]
    }

    /// The date `days` later (or earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// The same day `years` years on (29 February becomes 28 February in a common year).
    public func adding(years: Int) -> CalendarDate {
        let y = year + years
        let d = min(day, CalendarDate.daysIn(month: month, year: y))
        let pad = { (n: Int, width: Int) in String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return CalendarDate("\(pad(y, 4))-\(pad(month, 2))-\(pad(d, 2))") ?? self
    }

    static func daysIn(month: Int, year: Int) -> Int {
        if month == 2 { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28 }
        return [4, 6, 9, 11].contains(month) ? 30 : 31
    }

    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }
}
