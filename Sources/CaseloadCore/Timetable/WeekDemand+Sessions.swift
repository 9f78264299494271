extension WeekDemand {
    var keptReferrals: Set<Int64> { Set(input.keep.map(\.referral)) }

    /// The next session of every running series that is due this week.
    func seriesSessions() -> [Session] {
        input.active.compactMap { referral, series in
            guard !keptReferrals.contains(referral.id),
                  let pathway = input.config.service(referral.request.service)?.pathway(referral.pathway),
                  series.sessionsDone < pathway.sessions, isDue(series, pathway) else { return nil }
            return Session(id: WeekDemand.sessionId(referral: referral.id, number: series.sessionsDone + 1),
                           referral: "r\(referral.id)", school: referral.request.school, service: referral.request.service,
                           durationMin: pathway.minutes, priority: 90, specialist: series.specialist,
                           days: pathway.sameWeekday ? series.weekday.map { [$0] } : nil,
                           earliest: WeekDemand.schoolDay.start, latestEnd: WeekDemand.schoolDay.end)
        }
    }

    func isDue(_ series: Series, _ pathway: Pathway) -> Bool {
        guard let last = series.lastWeek else { return true }
        return (input.weekStart.dayNumber - last.dayNumber) / 7 >= pathway.everyWeeks
    }

    /// First sessions for the highest-priority waiting referrals, per service, up to
    /// `shortlistFactor` times the service's working minutes this week.
    func firstSessions(_ specialists: [Specialist]) -> ([Session], [LeftOut]) {
        var sessions: [Session] = [], leftOut: [LeftOut] = []
        let minutes = Dictionary(specialists.map { ($0.service, $0.days.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }) }, uniquingKeysWith: +)
        let byService = Dictionary(grouping: input.waiting.filter { !keptReferrals.contains($0.referral.id) }, by: \.referral.request.service)
        for (service, entries) in byService.sorted(by: { $0.key < $1.key }) {
            var budget = Double(minutes[service] ?? 0) * WeekDemand.shortlistFactor
            for (rank, e) in entries.enumerated() {
                let pathway = input.config.service(service)?.pathway(e.referral.pathway)
                let due = isDueThisWeek(e)
                guard let pathway, budget > 0 || due else {
                    leftOut.append(LeftOut(referral: e.referral.id, code: "below_priority",
                                           reason: "below others in priority for \(service) this week (position \(e.position))"))
                    continue
                }
                budget -= Double(pathway.minutes)
                sessions.append(first(e, pathway, priority: due ? 99 : 1 + (89 * (entries.count - rank - 1)) / max(1, entries.count)))
            }
        }
        return (sessions, leftOut)
    }

    /// Whether the statutory deadline falls in this week or has passed.
    func isDueThisWeek(_ e: WaitingEntry) -> Bool {
        guard let deadline = e.statutoryDeadline else { return false }
        return deadline.dayNumber <= input.weekStart.dayNumber + 6
    }

    func first(_ e: WaitingEntry, _ pathway: Pathway, priority: Int) -> Session {
        let r = e.referral
        return Session(id: WeekDemand.sessionId(referral: r.id, number: 1), referral: "r\(r.id)", school: r.request.school,
                       service: r.request.service, durationMin: pathway.minutes, priority: max(1, min(100, priority)),
                       days: r.request.preferredDays.isEmpty ? nil : r.request.preferredDays,
                       earliest: WeekDemand.schoolDay.start, latestEnd: WeekDemand.schoolDay.end)
    }
}
