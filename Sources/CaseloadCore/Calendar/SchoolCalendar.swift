/// The trust's school year: its terms, and the closures inside and beyond them (half terms,
/// bank holidays, trust-wide closures, and each school's own INSET days).
///
/// Between two terms every school is closed (the holiday is named after the term it follows).
/// Before the first term and after the last the calendar says nothing, so every weekday counts as
/// open there unless a closure says otherwise; `covers` tells a caller when to warn about it.
/// Saturdays and Sundays are always closed.
public struct SchoolCalendar: Hashable, Sendable {
    /// In date order.
    public var terms: [Term]
    public var closures: [Closure] { didSet { index() } }
    /// The closures of the whole trust, and of each school, for a quick look-up.
    private var trustClosures: [Closure] = []
    private var schoolClosures: [String: [Closure]] = [:]

    /// A calendar; with no terms and no closures every weekday is open.
    public init(terms: [Term] = [], closures: [Closure] = []) {
        self.terms = terms.sorted { $0.from < $1.from }
        self.closures = closures
        index()
    }

    private mutating func index() {
        trustClosures = closures.filter { $0.school == nil }
        schoolClosures = Dictionary(grouping: closures.filter { $0.school != nil }, by: { $0.school! })
    }

    /// Why `school` (or, with `nil`, every school) is closed on `date`; `nil` when it is open.
    public func closedReason(_ date: CalendarDate, school: String? = nil) -> String? {
        if date.weekday == .sat || date.weekday == .sun { return "the weekend" }
        if let c = trustClosures.first(where: { $0.covers(date) }) { return c.label }
        if let school, let c = schoolClosures[school]?.first(where: { $0.covers(date) }) { return "\(c.label) at this school" }
        return holiday(date)
    }

    /// Whether `school` is open on `date`.
    public func isOpen(_ date: CalendarDate, school: String? = nil) -> Bool { closedReason(date, school: school) == nil }

    /// How many school days (the trust's schools open) come after `today` up to and including
    /// `day`: the notice a booking on `day` gives when it is made `today`.
    public func schoolDays(after today: CalendarDate, through day: CalendarDate) -> Int {
        guard day > today else { return 0 }
        return (1...(day.dayNumber - today.dayNumber)).filter { isOpen(today.adding(days: $0)) }.count
    }

    /// The weekdays of the week starting `monday` on which `school` is open.
    public func openDays(week monday: CalendarDate, school: String? = nil) -> [Weekday] {
        Weekday.allCases.filter { isOpen(monday.adding(days: $0.index), school: school) }
    }

    /// Whether any school of the trust is open on some day of the week starting `monday`
    /// (per-school closures close only their school, so they never close the trust's week).
    public func isTermWeek(_ monday: CalendarDate) -> Bool { !trustWide.openDays(week: monday).isEmpty }

    /// Why the whole trust is closed all week (e.g. "Christmas holiday"), or `nil` if it is a term week.
    public func closedWeekReason(_ monday: CalendarDate) -> String? {
        guard !isTermWeek(monday) else { return nil }
        let reasons = (0..<5).compactMap { trustWide.closedReason(monday.adding(days: $0)) }
        var seen = Set<String>()
        return reasons.filter { seen.insert($0).inserted }.joined(separator: "; ")
    }

    /// The Monday of the first term week at or after `monday`, looking up to `limit` weeks ahead.
    public func nextTermWeek(from monday: CalendarDate, limit: Int = 60) -> CalendarDate? {
        (0...limit).lazy.map { monday.adding(days: 7 * $0) }.first(where: isTermWeek)
    }

    /// The term weeks from `monday` on, `count` of them.
    public func termWeeks(from monday: CalendarDate, count: Int) -> [CalendarDate] {
        var out: [CalendarDate] = []
        var week = monday
        while out.count < count, let next = nextTermWeek(from: week) {
            out.append(next)
            week = next.adding(days: 7)
        }
        return out
    }

    /// The last day on or before `date` on which `school` is open, looking back up to 60 days.
    public func lastOpenDay(onOrBefore date: CalendarDate, school: String? = nil) -> CalendarDate? {
        (0...60).lazy.map { date.adding(days: -$0) }.first { isOpen($0, school: school) }
    }

    /// Whether the terms reach `date` (so the calendar can say whether it is a holiday).
    public func covers(_ date: CalendarDate) -> Bool {
        guard let first = terms.first, let last = terms.map(\.to).max() else { return false }
        return first.from <= date && date <= last
    }

    /// The calendar without per-school closures.
    var trustWide: SchoolCalendar { SchoolCalendar(terms: terms, closures: trustClosures) }

    /// The holiday between two terms that `date` falls in, by name.
    func holiday(_ date: CalendarDate) -> String? {
        guard covers(date), !terms.contains(where: { $0.from <= date && date <= $0.to }) else { return nil }
        guard let before = terms.last(where: { $0.to < date }), let after = terms.first(where: { $0.from > date }) else { return nil }
        let name = before.holidayAfter ?? "the holiday between \(before.name) and \(after.name)"
        return "\(name) (\(before.to.adding(days: 1)) to \(after.from.adding(days: -1)))"
    }
}
