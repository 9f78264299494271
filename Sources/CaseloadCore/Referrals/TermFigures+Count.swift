extension TermFigures {
    /// The figures of `input` under `config`; `schools` gives each school's name and need (for
    /// the fair share).
    public init(_ input: TermInput, config: TrustConfig, schools: [SchoolRecord]) {
        from = input.from.description
        to = input.to.description
        let count = TermCount(input: input, config: config)
        services = config.services.map { s in count.line(s.name, input.referrals.filter { $0.request.service == s.code }) }
        let share = FairShare(
            schools: schools.map { SchoolNeed(urn: $0.urn, pupils: $0.pupils, senSupport: $0.senSupport, ehcPlans: $0.ehcPlans) },
            rule: config.fairShare)
        trust = count.line("The trust", input.referrals)
        self.schools = schools.sorted { $0.name < $1.name }.map { school in
            var line = count.line(school.name, input.referrals.filter { $0.request.school == school.urn })
            line.fairShareHours = (share.entitlement[school.urn] ?? 0) * (count.trustHours)
            return line
        }
        let working = input.weeks.reduce(0) { $0 + $1.workingMinutes }
        utilisation = working > 0 ? Double(input.weeks.reduce(0) { $0 + $1.bookedMinutes }) / Double(working) : 0
        travelHours = Double(input.weeks.reduce(0) { $0 + $1.travelMinutes }) / 60
        blocksInterrupted = input.interrupted
        weekly = count.weekly(config.services.map(\.code))
    }
}

/// The counting behind `TermFigures`, over one input.
struct TermCount {
    let input: TermInput
    let config: TrustConfig

    var term: ClosedRange<CalendarDate> { input.from...input.to }

    /// All delivered hours this term.
    var trustHours: Double { Double(input.sessions.filter { $0.outcome == .delivered }.reduce(0) { $0 + $1.minutes }) / 60 }

    /// The line of `referrals` (a service's, a school's, or all).
    func line(_ name: String, _ referrals: [Referral]) -> TermLine {
        var l = TermLine(name: name)
        let arrived = referrals.filter { term.contains($0.request.receivedOn) }
        (l.referralsIn, l.declined) = (arrived.count, arrived.filter { $0.status == .declined }.count)
        l.accepted = l.referralsIn - l.declined
        l.waitingNow = referrals.filter { $0.status == .waiting }.count
        var waits: [Double] = []
        for r in referrals where r.status != .declined {
            let target = targetDate(r)
            if let seen = input.firstSeen[r.id], term.contains(seen) {
                waits.append(Double(seen.dayNumber - r.request.receivedOn.dayNumber) / 7)
                l.seenByBand[r.band, default: 0] += 1
                if target.map({ seen <= $0 }) ?? true { l.withinTargetByBand[r.band, default: 0] += 1 } else { l.breaches += 1 }
            } else if r.status == .waiting, let target, target < input.to {
                l.breaches += 1
            }
            statutory(r, &l)
        }
        (l.medianWaitWeeks, l.p90WaitWeeks) = (TermCount.quantile(waits, 0.5), TermCount.quantile(waits, 0.9))
        sessions(Set(referrals.map(\.id)), &l)
        return l
    }

    func targetDate(_ r: Referral) -> CalendarDate? {
        config.service(r.request.service)?.targetWeeks[r.band].map { r.request.receivedOn.adding(days: 7 * $0) }
    }

    /// A statutory deadline falling this term: met if first seen by it, missed if seen later or still not seen.
    func statutory(_ r: Referral, _ l: inout TermLine) {
        guard r.request.flags.ehcNeedsAssessment, r.request.service == config.statutory.service else { return }
        let due = r.request.receivedOn.adding(days: 7 * config.statutory.adviceWeeks)
        guard term.contains(due) else { return }
        if let seen = input.firstSeen[r.id], seen <= due { l.statutoryMet += 1 } else { l.statutoryMissed += 1 }
    }

    func sessions(_ ids: Set<Int64>, _ l: inout TermLine) {
        for s in input.sessions where ids.contains(s.referral) && term.contains(s.date) {
            switch s.outcome {
            case .delivered:
                l.delivered += 1
                l.deliveredHours += Double(s.minutes) / 60
            case .pupilAbsent: l.pupilAbsent += 1
            case .schoolCancelled: l.cancelledBySchool += 1
            case .specialistAbsent: l.cancelledByTrust += 1
            }
        }
    }

    /// Each Monday of the term so far: who was waiting then, per service, and the median wait
    /// of those first seen that week.
    func weekly(_ services: [String]) -> [TermFigures.WeekPoint] {
        var points: [TermFigures.WeekPoint] = []
        var monday = input.from.adding(days: -input.from.weekday.index)
        while monday <= input.to {
            var waiting: [String: Int] = [:]
            for r in input.referrals where r.status != .declined && r.request.receivedOn <= monday {
                if let left = input.leftWaiting[r.id], left <= monday { continue }
                waiting[r.request.service, default: 0] += 1
            }
            let week = monday...monday.adding(days: 6)
            let waits = input.referrals.compactMap { r in
                input.firstSeen[r.id].flatMap { week.contains($0) ? Double($0.dayNumber - r.request.receivedOn.dayNumber) / 7 : nil }
            }
            points.append(.init(monday: monday.description, waiting: waiting, medianWaitWeeks: TermCount.quantile(waits, 0.5)))
            monday = monday.adding(days: 7)
        }
        return points
    }

    /// The `q` quantile of `values` (nearest rank), 0 when there are none.
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }
}
