import Foundation

/// A school's day, when specialists can see pupils there: one window, or a different window on
/// some weekdays (a Friday early finish). Written `08:45-15:15` or
/// `mon-thu 08:45-15:15, fri 08:45-13:30`.
public struct SchoolHours: Hashable, Sendable, CustomStringConvertible {
    /// The usual window.
    public var start: ClockTime
    public var end: ClockTime
    /// Weekdays whose window differs.
    public var byWeekday: [Weekday: ClosedRange<Int>] = [:]

    /// One window every day.
    public init(start: ClockTime, end: ClockTime) {
        self.start = start
        self.end = end
    }

    /// The window on `day`, in minutes since midnight.
    public func window(_ day: Weekday) -> ClosedRange<Int> { byWeekday[day] ?? start.minutes...end.minutes }

    /// The latest start and earliest end over `days`: a window that fits the school's day on each
    /// of them. `nil` when that leaves less than `minutes`.
    public func common(_ days: [Weekday], minutes: Int) -> ClosedRange<Int>? {
        let windows = days.map(window)
        guard let lo = windows.map(\.lowerBound).max(), let hi = windows.map(\.upperBound).min(), hi - lo >= minutes else { return nil }
        return lo...hi
    }

    /// Parses `HH:MM-HH:MM`, optionally with day groups: `mon-thu 08:45-15:15, fri 08:45-13:30`
    /// (days not named keep a plain first window; with day groups only, Monday to Friday must all
    /// be named). `nil` for anything else.
    public init?(_ text: String) {
        var windows: [(days: [Weekday]?, window: ClosedRange<Int>)] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let words = part.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 1 || words.count == 2, let w = SchoolHours.window(String(words.last!)) else { return nil }
            if words.count == 2 {
                guard let days = SchoolHours.days(String(words[0])) else { return nil }
                windows.append((days, w))
            } else {
                windows.append((nil, w))
            }
        }
        guard let first = windows.first else { return nil }
        start = ClockTime(minutes: first.window.lowerBound)
        end = ClockTime(minutes: first.window.upperBound)
        for (days, w) in windows {
            for d in days ?? [] { byWeekday[d] = w }
        }
        if windows.allSatisfy({ $0.days != nil }) {  // only day groups: every school day must be named
            guard let mon = byWeekday[.mon], [Weekday.tue, .wed, .thu, .fri].allSatisfy({ byWeekday[$0] != nil }) else { return nil }
            start = ClockTime(minutes: mon.lowerBound)
            end = ClockTime(minutes: mon.upperBound)
        }
        byWeekday = byWeekday.filter { $0.value != start.minutes...end.minutes }
    }

    public var description: String {
        let usual = "\(start)-\(end)"
        let others = byWeekday.sorted { $0.key < $1.key }
            .map { "\($0.key.rawValue) \(ClockTime(minutes: $0.value.lowerBound))-\(ClockTime(minutes: $0.value.upperBound))" }
        return ([usual] + others).joined(separator: ", ")
    }

    static func window(_ text: String) -> ClosedRange<Int>? {
        let p = text.split(separator: "-")
        guard p.count == 2, let a = ClockTime(String(p[0])), let b = ClockTime(String(p[1])), b.minutes - a.minutes >= 60 else { return nil }
        return a.minutes...b.minutes
    }

    static func days(_ text: String) -> [Weekday]? {
        let p = text.lowercased().split(separator: "-").map { Weekday(rawValue: String($0)) }
        guard !p.contains(where: { $0 == nil }) else { return nil }
        if p.count == 1 { return [p[0]!] }
        guard p.count == 2, p[0]! <= p[1]! else { return nil }
        return Weekday.allCases.filter { $0 >= p[0]! && $0 <= p[1]! }
    }
}

/// The trust's school days: a default, one per phase of education (primary and secondary days
/// differ), and any school's own hours from the school file, which come first.
public struct SchoolDayRule: Hashable, Sendable {
    public var standard: SchoolHours
    /// Phase keys (`primary`, `secondary`, `all_through`…) matched against a school's phase.
    public var byPhase: [String: SchoolHours]

    /// The phases of education a rule may name, as GIAS gives them (`PhaseOfEducation (name)`),
    /// the more particular first where one contains another.
    public static let phases = ["nursery", "middle_deemed_primary", "middle_deemed_secondary", "primary", "secondary", "all_through", "16_plus"]

    /// The rule the product had before schools had their own day: 09:00 to 15:15 everywhere.
    public static let fallback = SchoolDayRule(standard: SchoolHours(start: ClockTime(minutes: 540), end: ClockTime(minutes: 915)), byPhase: [:])

    /// A rule with a default and phase windows.
    public init(standard: SchoolHours, byPhase: [String: SchoolHours]) {
        self.standard = standard
        self.byPhase = byPhase
    }

    /// The hours of `school`: its own, else its phase's, else the trust default.
    public func hours(_ school: SchoolRecord) -> SchoolHours {
        if let own = school.hours { return own }
        let phase = school.phase.lowercased()
        let match = SchoolDayRule.phases.filter { byPhase[$0] != nil }.first {
            phase.contains($0.replacingOccurrences(of: "_", with: " ")) || phase.contains($0.replacingOccurrences(of: "_", with: "-"))
        }
        return match.flatMap { byPhase[$0] } ?? standard
    }
}
