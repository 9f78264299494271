extension LeftOut: Error {}

extension WeekDemand {
    /// When a running block's next session may go this week: on its first session's weekday and
    /// near its time where the pathway keeps them (`same_weekday`, `same_time`). A `required`
    /// rule the week cannot keep leaves the session out, saying why; a `preferred` one gives way
    /// when the week has no such day or time at all, and in a second pass (`Input.relaxed`) when
    /// the week was too full there.
    func continuingSlot(_ r: Referral, _ s: Series, _ p: Pathway) -> Result<SchoolSlot, LeftOut> {
        let school = r.request.school
        let usualDay = keeps(p.sameWeekday, s) ? s.weekday : nil
        var days = openDays(usualDay.map { [$0] })
        var found = days?.isEmpty == false || usualDay == nil ? slot(school, among: days, minutes: p.minutes) : nil
        if found == nil, usualDay != nil, p.sameWeekday == .preferred {
            days = openDays(nil)
            found = days?.isEmpty == false ? slot(school, among: days, minutes: p.minutes) : nil
        }
        if days?.isEmpty == true { return .failure(dayGone(r.id, usualDay ?? s.weekday)) }
        guard let found else { return .failure(LeftOut(referral: r.id, code: "school_closed", reason: closedWhy(school, among: days))) }
        guard let timed = keptTime(found, s, p) else {
            return .failure(
                LeftOut(
                    referral: r.id, code: "time_unavailable",
                    reason:
                        "its usual time (\(s.start?.description ?? "")) does not fit its school's day on the days open this week; it is offered again next week"
                ))
        }
        return .success(timed)
    }

    /// Whether `rule` holds for referral `id` in this pass. A block's first session (re-placed by
    /// a re-plan) is free: what is kept is where the first session went.
    func keeps(_ rule: ContinuityRule, _ s: Series) -> Bool {
        guard s.sessionsDone > 0 else { return false }
        return rule == .required || (rule == .preferred && !input.relaxed.contains(s.referral))
    }

    /// `slot` narrowed to the block's usual start, give or take the pathway's tolerance; the
    /// slot as it is when the rule does not hold or the time is not known; `nil` when a
    /// required time does not fit.
    func keptTime(_ slot: SchoolSlot, _ s: Series, _ p: Pathway) -> SchoolSlot? {
        guard keeps(p.sameTime, s), let start = s.start else { return slot }
        var narrowed = slot
        narrowed.earliest = ClockTime(minutes: max(slot.earliest.minutes, start.minutes - p.timeToleranceMinutes))
        narrowed.latestEnd = ClockTime(minutes: min(slot.latestEnd.minutes, start.minutes + p.timeToleranceMinutes + p.minutes))
        guard narrowed.latestEnd.minutes - narrowed.earliest.minutes >= p.minutes else { return p.sameTime == .required ? nil : slot }
        return narrowed
    }

    /// Why a block's session has no day this week: its day is inside the notice, or has passed.
    func dayGone(_ id: Int64, _ day: Weekday?) -> LeftOut {
        insideNotice(id, day.map { [$0] } ?? [])
            ?? LeftOut(
                referral: id, code: "day_passed",
                reason: "its day (\(day?.displayName ?? "")) has already passed this week; it is offered again next week")
    }

    /// Of the running blocks the plan left without a session (`unplaced`), those held to a
    /// `preferred` weekday or time this pass: a second pass lets them go anywhere in the week.
    public func relaxable(_ unplaced: Set<Int64>) -> Set<Int64> {
        Set(
            input.active.compactMap { r, s -> Int64? in
                guard unplaced.contains(r.id), !input.relaxed.contains(r.id), s.sessionsDone > 0,
                    let p = input.config.service(r.request.service)?.pathway(r.pathway)
                else { return nil }
                let day = p.sameWeekday == .preferred && s.weekday != nil
                let time = p.sameTime == .preferred && s.start != nil
                return day || time ? r.id : nil
            })
    }
}
