/// Where and when a session can go at its school this week: the days it is open and a window
/// inside its school day on each of them.
struct SchoolSlot {
    /// `nil`: any day (the school is open every weekday and the whole week is still to come).
    var days: [Weekday]?
    var earliest: ClockTime
    var latestEnd: ClockTime
}

extension WeekDemand {
    /// The date of `day` this week.
    func date(_ day: Weekday) -> CalendarDate { input.weekStart.adding(days: day.index) }

    /// The days of this week `school` is open, among `days` (all when `nil`) and the days still open.
    func schoolDays(_ school: String, among days: [Weekday]?) -> [Weekday] {
        let open = input.config.calendar.openDays(week: input.weekStart, school: school)
        return open.filter { input.openDays.contains($0) && (days?.contains($0) ?? true) }
    }

    /// The days and window for a session of `minutes` at `school`, within `days` if given; `nil`
    /// when the school is closed on all of them (or its day is too short on every one).
    func slot(_ school: String, among days: [Weekday]?, minutes: Int) -> SchoolSlot? {
        let open = schoolDays(school, among: days)
        guard !open.isEmpty else { return nil }
        let hours = schools[school].map(input.config.schoolDay.hours) ?? input.config.schoolDay.standard
        let fitting = open.filter { hours.window($0).count - 1 >= minutes }
        let groups = Dictionary(grouping: fitting, by: hours.window)
        guard
            let best = hours.common(fitting, minutes: minutes).map({ (fitting, $0) })
                ?? groups.max(by: { $0.value.count < $1.value.count }).map({ ($0.value, $0.key) })
        else { return nil }
        let everyDay = days == nil && best.0 == [.mon, .tue, .wed, .thu, .fri] && input.openDays.count == Weekday.allCases.count
        return SchoolSlot(
            days: everyDay ? nil : best.0, earliest: ClockTime(minutes: best.1.lowerBound),
            latestEnd: ClockTime(minutes: best.1.upperBound))
    }

    /// Why `school` has no day for a session among `days` this week.
    func closedWhy(_ school: String, among days: [Weekday]?) -> String {
        let candidates = (days ?? [.mon, .tue, .wed, .thu, .fri]).filter { input.openDays.contains($0) }
        let reasons = candidates.compactMap { input.config.calendar.closedReason(date($0), school: school) }
        guard let first = reasons.first else { return "its school's day is too short for the session on the days still open" }
        return "its school is closed on \(WeekDemand.names(candidates)) this week (\(first)); it is offered again when the school is open"
    }

    /// Whether the specialist's working day `day` is one the trust is open (not a bank holiday or holiday).
    func trustOpen(_ day: Weekday) -> Bool { input.config.calendar.trustWide.isOpen(date(day)) }
}
