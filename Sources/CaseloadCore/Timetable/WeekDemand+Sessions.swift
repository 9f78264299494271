extension WeekDemand {
    var keptReferrals: Set<Int64> { Set((input.keep + input.frozen).map(\.referral)) }

    /// The next session of every running series that is due this week; a series whose weekday
    /// has already passed this week is left out with why (it is offered again next week).
    func seriesSessions() -> ([Session], [LeftOut]) {
        var sessions: [Session] = []
        var leftOut: [LeftOut] = []
        for (referral, series) in input.active where !keptReferrals.contains(referral.id) {
            guard let pathway = input.config.service(referral.request.service)?.pathway(referral.pathway),
                series.sessionsDone < pathway.sessions, isDue(series, pathway)
            else { continue }
            let slot: SchoolSlot
            switch continuingSlot(referral, series, pathway) {
            case .success(let found): slot = found
            case .failure(let out):
                leftOut.append(out)
                continue
            }
            sessions.append(
                Session(
                    id: WeekDemand.sessionId(referral: referral.id, number: series.sessionsDone + 1),
                    referral: "r\(referral.id)", school: referral.request.school, service: referral.request.service,
                    durationMin: pathway.minutes, priority: seriesPriority(referral.id, series, pathway), skills: skills(referral),
                    specialist: series.specialist,
                    days: slot.days, earliest: slot.earliest, latestEnd: slot.latestEnd))
        }
        return (sessions, leftOut)
    }

    /// A block's next session: 90; 94 when the block missed a week (first claim among blocks);
    /// a leader's override's priority when one covers it.
    func seriesPriority(_ id: Int64, _ series: Series, _ pathway: Pathway) -> Int {
        if claims(id, session: series.sessionsDone + 1) { return Override.priority }
        return isOverdue(series, pathway) ? 94 : 90
    }

    /// Whether a leader's override covers session `number` of referral `id` this week.
    func claims(_ id: Int64, session number: Int) -> Bool {
        input.overrides[id]?.covers(session: number, week: input.weekStart) == true
    }

    /// Whether the block missed a week it was due (an interrupted block): it has first claim,
    /// before the other running blocks.
    func isOverdue(_ series: Series, _ pathway: Pathway) -> Bool {
        guard let last = series.lastWeek else { return false }
        return (input.weekStart.dayNumber - last.dayNumber) / 7 > pathway.everyWeeks
    }

    func isDue(_ series: Series, _ pathway: Pathway) -> Bool {
        guard let last = series.lastWeek else { return true }
        return (input.weekStart.dayNumber - last.dayNumber) / 7 >= pathway.everyWeeks
    }

    /// First sessions for the highest-priority waiting referrals, per service, up to
    /// `shortlistFactor` times the service's working minutes this week: urgent and statutory ones
    /// first (`urgency`), then the rest in list order. New blocks of routine sessions are offered
    /// only while the service's committed minutes (running series and kept bookings, `committed`)
    /// leave the trust's reserve free.
    func firstSessions(_ specialists: [Specialist], committed: [String: Int]) -> ([Session], [LeftOut]) {
        var sessions: [Session] = []
        var leftOut: [LeftOut] = []
        let minutes = Dictionary(specialists.map { ($0.service, $0.days.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }) }, uniquingKeysWith: +)
        let byService = Dictionary(grouping: input.waiting.filter { !keptReferrals.contains($0.referral.id) }, by: \.referral.request.service)
        let urgency = input.config.urgency
        for (service, listed) in byService.sorted(by: { $0.key < $1.key }) {
            let claimed = listed.filter { claims($0.referral.id, session: 1) }
            let rest = listed.filter { !claims($0.referral.id, session: 1) }
            let entries = claimed + rest.filter(urgency.isUrgent) + rest.filter { !urgency.isUrgent($0) }
            let capacity = Double(minutes[service] ?? 0)
            var budget = capacity * WeekDemand.shortlistFactor
            var blockRoom = capacity * Double(100 - urgency.reservePercent) / 100 - Double(committed[service] ?? 0)
            for (rank, e) in entries.enumerated() {
                let pathway = input.config.service(service)?.pathway(e.referral.pathway)
                let due = isDueThisWeek(e)
                let urgent = urgency.isUrgent(e)
                let claim = claims(e.referral.id, session: 1)
                guard let pathway, budget > 0 || due || claim else {
                    leftOut.append(
                        LeftOut(
                            referral: e.referral.id, code: "below_priority",
                            reason: "below others in priority for \(service) this week (position \(e.position))"))
                    continue
                }
                let startsBlock = pathway.sessions > 1 && !urgent
                if startsBlock, !claim, blockRoom < Double(pathway.minutes) {
                    leftOut.append(reserved(e, service))
                    continue
                }
                let ranked = 1 + (89 * (entries.count - rank - 1)) / max(1, entries.count)
                let priority = due ? 99 : claim || (urgent && urgency.mayPostponeBlocks) ? Override.priority : ranked
                guard let session = first(e, pathway, priority: priority) else {
                    leftOut.append(notOpen(e))
                    continue
                }
                budget -= Double(pathway.minutes)
                if startsBlock { blockRoom -= Double(pathway.minutes) }
                sessions.append(session)
            }
        }
        return (sessions, leftOut)
    }

    /// Why a routine referral that would start a block waits: the running blocks already take
    /// the service's time up to the reserve kept for urgent and statutory first sessions.
    func reserved(_ e: WaitingEntry, _ service: String) -> LeftOut {
        let percent = input.config.urgency.reservePercent
        return LeftOut(
            referral: e.referral.id, code: "reserve",
            reason:
                "running blocks already take \(service)'s week up to the \(percent)% the trust keeps for urgent and statutory first sessions; a new block starts as running ones finish (position \(e.position))"
        )
    }

    /// Whether the statutory deadline falls in this week or has passed, or this is the last week
    /// the school is open before it.
    func isDueThisWeek(_ e: WaitingEntry) -> Bool {
        guard let deadline = e.statutoryDeadline else { return false }
        if deadline.dayNumber <= input.weekStart.dayNumber + 6 { return true }
        // A deadline in a holiday (or after the school's closure) is due in the last week it is open before it.
        let last = input.config.calendar.lastOpenDay(onOrBefore: deadline, school: e.referral.request.school)
        return last.map { $0.dayNumber <= input.weekStart.dayNumber + 6 } ?? false
    }

    /// The first session of a waiting referral: on its preferred days only when the school says
    /// they are the only days possible, else on any open day with the preferred ones favoured.
    /// `nil` when none of its possible days is still open.
    func first(_ e: WaitingEntry, _ pathway: Pathway, priority: Int) -> Session? {
        let r = e.referral
        let preferred = r.request.preferredDays
        let only = r.request.daysOnly && !preferred.isEmpty
        let days = openDays(only ? preferred : nil)
        if days?.isEmpty == true { return nil }
        guard let slot = slot(r.request.school, among: days, minutes: pathway.minutes) else { return nil }
        var s = Session(
            id: WeekDemand.sessionId(referral: r.id, number: 1), referral: "r\(r.id)", school: r.request.school,
            service: r.request.service, durationMin: pathway.minutes, priority: max(1, min(100, priority)),
            skills: skills(r), days: slot.days, earliest: slot.earliest, latestEnd: slot.latestEnd)
        s.preferredDays = only || preferred.isEmpty ? nil : preferred
        return s
    }

    /// Why a waiting referral's first session has no day this week: its only days have passed,
    /// or its school is closed.
    func notOpen(_ e: WaitingEntry) -> LeftOut {
        let r = e.referral
        let only = r.request.daysOnly && !r.request.preferredDays.isEmpty
        let days = openDays(only ? r.request.preferredDays : nil)
        if days?.isEmpty == true {
            if let notice = insideNotice(r.id, only ? r.request.preferredDays : Weekday.allCases) { return notice }
            return LeftOut(
                referral: r.id, code: "days_passed",
                reason: "its only possible days (\(WeekDemand.names(r.request.preferredDays))) have passed this week")
        }
        return LeftOut(referral: r.id, code: "school_closed", reason: closedWhy(r.request.school, among: days))
    }

    /// The reason for a session whose days this week (`days`) are all passed or inside the notice,
    /// when the notice is what keeps it out; `nil` otherwise.
    func insideNotice(_ referral: Int64, _ days: [Weekday]) -> LeftOut? {
        let blocked = days.filter(input.insideNotice.contains)
        guard !blocked.isEmpty else { return nil }
        let notice = input.config.planning.noticeSchoolDays
        return LeftOut(
            referral: referral, code: "notice",
            reason:
                "\(WeekDemand.names(blocked)) \(blocked.count == 1 ? "is" : "are") inside the \(notice) school days' notice a new booking needs, so the school can prepare; it is offered again next week, or a leader can approve shorter notice for this re-plan"
        )
    }

    func skills(_ r: Referral) -> [String] { r.request.skill.map { [$0] } ?? [] }

    static func names(_ days: [Weekday]) -> String { days.map(\.displayName).joined(separator: ", ") }
}
