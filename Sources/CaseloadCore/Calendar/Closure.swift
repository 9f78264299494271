import Foundation

/// Days a school, or the whole trust, is closed: a holiday, a bank holiday, an INSET day.
public struct Closure: Hashable, Sendable {
    /// The first and last closed days.
    public var from: CalendarDate
    public var to: CalendarDate
    /// What a SENCO or leader would call it ("Christmas holiday", "INSET day").
    public var reason: String
    /// The school's URN, or `nil` for the whole trust.
    public var school: String?
    /// The stored closure's id (`nil` for one from the settings file).
    public var id: Int64?

    /// A closure from `from` to `to` inclusive.
    public init(from: CalendarDate, to: CalendarDate, reason: String, school: String? = nil, id: Int64? = nil) {
        self.from = from
        self.to = to
        self.reason = reason
        self.school = school
        self.id = id
    }

    /// Whether `date` is one of its days.
    public func covers(_ date: CalendarDate) -> Bool { from <= date && date <= to }

    /// "Christmas holiday (2026-12-19 to 2027-01-03)".
    public var label: String { from == to ? "\(reason) (\(from))" : "\(reason) (\(from) to \(to))" }

    /// What is wrong with it, if anything: a year outside 2000-2100, dates the wrong way round, a
    /// closure over a year long, or a reason that is empty, too long or holds control characters.
    public static func problem(_ c: Closure) -> String? {
        if c.from.year < 2000 || c.to.year > 2100 { return "falls outside 2000-2100 (\(c.from) to \(c.to)); check the year" }
        if c.to < c.from { return "ends (\(c.to)) before it starts (\(c.from)); give the first and last closed days" }
        if c.to.dayNumber - c.from.dayNumber > 366 { return "is over a year long; give each holiday as its own closure" }
        let reason = c.reason.trimmingCharacters(in: .whitespaces)
        if reason.isEmpty { return "needs a reason a SENCO would recognise, e.g. INSET day" }
        return textProblem(reason, what: "reason")
    }

    /// Why a name or reason cannot be kept: over 120 characters, control characters, or a start
    /// a spreadsheet would read as a formula.
    public static func textProblem(_ text: String, what: String) -> String? {
        if text.count > 120 { return "has a \(what) over 120 characters" }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) || text.first.map({ "=+@-".contains($0) }) == true {
            return "has a \(what) with control characters or starting with = + - @; write it as plain text"
        }
        return nil
    }
}

/// One term: the first and last days pupils are in school.
public struct Term: Hashable, Sendable {
    public var name: String
    public var from: CalendarDate
    public var to: CalendarDate
    /// The name of the holiday that follows it ("Christmas holiday"), if the trust gives one.
    public var holidayAfter: String?

    /// A term from its name and dates.
    public init(name: String, from: CalendarDate, to: CalendarDate, holidayAfter: String? = nil) {
        self.name = name
        self.from = from
        self.to = to
        self.holidayAfter = holidayAfter
    }
}
