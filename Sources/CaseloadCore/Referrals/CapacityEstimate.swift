/// Rough weekly capacity per service, for estimating when a waiting referral will be seen.
public enum CapacityEstimate {
    /// Share of working time spent with pupils; the rest goes on travel, reports and meetings.
    public static let usableShare = 0.7

    /// Minutes a week each service has for pupils (its specialists' working minutes times
    /// `usableShare`), and, week by week from next week, the minutes its running series will
    /// still take: an active referral's remaining sessions (`done` gives sessions delivered so
    /// far; without it half the pathway is taken to remain).
    public static func weekly(specialists: [Specialist], active: [Referral], config: TrustConfig, done: [Int64: Int] = [:]) -> [ServiceCapacity] {
        var minutes: [String: Double] = [:]
        var committed: [String: [Int]] = [:]
        for s in specialists {
            minutes[s.service, default: 0] += Double(s.days.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }) * usableShare
        }
        for r in active where r.status == .active {
            guard let p = config.service(r.request.service)?.pathway(r.pathway) else { continue }
            let remaining = max(0, p.sessions - (done[r.id] ?? p.sessions / 2))
            var weeks = committed[r.request.service, default: []]
            for k in 0..<remaining {
                let w = k * p.everyWeeks
                if weeks.count <= w { weeks += Array(repeating: 0, count: w + 1 - weeks.count) }
                weeks[w] += p.minutes
            }
            committed[r.request.service] = weeks
        }
        return minutes.keys.sorted().map {
            ServiceCapacity(service: $0, minutesPerWeek: max(0, Int(minutes[$0]!)), committed: committed[$0] ?? [])
        }
    }

    /// Each school's share of each service's time so far (active and completed referrals, by
    /// pathway minutes), `[service: [urn: share]]`.
    public static func received(_ referrals: [Referral], config: TrustConfig) -> [String: [String: Double]] {
        var minutes: [String: [String: Double]] = [:]
        for r in referrals where r.status == .active || r.status == .completed {
            guard let p = config.service(r.request.service)?.pathway(r.pathway) else { continue }
            minutes[r.request.service, default: [:]][r.request.school, default: 0] += Double(p.minutes * p.sessions)
        }
        return minutes.mapValues { bySchool in
            let total = bySchool.values.reduce(0, +)
            return bySchool.mapValues { total > 0 ? $0 / total : 0 }
        }
    }
}
