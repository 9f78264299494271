/// Rough weekly capacity per service, for estimating when a waiting referral will be seen.
public enum CapacityEstimate {
    /// Share of working time spent with pupils; the rest goes on travel, reports and meetings.
    public static let usableShare = 0.7

    /// Minutes a week each service has for new referrals: its specialists' working minutes times
    /// `usableShare`, less the weekly minutes that running series (`active`) already take.
    public static func weekly(specialists: [Specialist], active: [Referral], config: TrustConfig) -> [ServiceCapacity] {
        var minutes: [String: Double] = [:]
        for s in specialists {
            minutes[s.service, default: 0] += Double(s.days.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }) * usableShare
        }
        for r in active where r.status == .active {
            guard let p = config.service(r.request.service)?.pathway(r.pathway) else { continue }
            minutes[r.request.service, default: 0] -= Double(p.minutes) / Double(p.everyWeeks)
        }
        return minutes.keys.sorted().map { ServiceCapacity(service: $0, minutesPerWeek: max(0, Int(minutes[$0]!))) }
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
