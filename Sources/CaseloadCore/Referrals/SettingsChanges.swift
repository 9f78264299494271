/// What differs between two versions of the trust's settings, in the words a leader would write
/// ("SALT threshold 25 → 35", "safeguarding weight 15 → 25"): what a what-if compares and a
/// preview shows.
public enum SettingsChanges {
    /// Each difference from `old` to `new`, in order: services, weights, priority, urgency, planning.
    public static func between(_ old: TrustConfig, _ new: TrustConfig) -> [String] {
        services(old, new) + weights(old.weights, new.weights) + priority(old, new) + rules(old, new)
    }

    static func services(_ old: TrustConfig, _ new: TrustConfig) -> [String] {
        new.services.flatMap { s -> [String] in
            guard let was = old.service(s.code) else { return ["\(s.code) added"] }
            var out = change("\(s.code) threshold", was.threshold, s.threshold) + change("\(s.code) APDR cycles", was.apdrCycles, s.apdrCycles)
            for band in Set(was.targetWeeks.keys).union(s.targetWeeks.keys).sorted() {
                out += change("\(s.code) \(band) target weeks", was.targetWeeks[band], s.targetWeeks[band])
            }
            return out
        } + old.services.filter { new.service($0.code) == nil }.map { "\($0.code) removed" }
    }

    static func weights(_ old: PriorityWeights, _ new: PriorityWeights) -> [String] {
        change("severity weight", number(old.severity), number(new.severity))
            + ReferralFlag.allCases.flatMap { f in
                change("\(f.rawValue.replacingOccurrences(of: "_", with: " ")) weight", number(old[f]), number(new[f]))
            }
    }

    static func priority(_ old: TrustConfig, _ new: TrustConfig) -> [String] {
        change("ageing points a week", number(old.ageingPointsPerWeek), number(new.ageingPointsPerWeek))
            + change("fair share points at most", number(old.fairShare.maxPoints), number(new.fairShare.maxPoints))
    }

    static func rules(_ old: TrustConfig, _ new: TrustConfig) -> [String] {
        change("urgent reserve %", old.urgency.reservePercent, new.urgency.reservePercent)
            + change("urgent bands", old.urgency.bands.sorted().joined(separator: ", "), new.urgency.bands.sorted().joined(separator: ", "))
            + change("notice school days", old.planning.noticeSchoolDays, new.planning.noticeSchoolDays)
            + change("lunch break minutes", old.planning.lunchBreak?.minutes ?? 0, new.planning.lunchBreak?.minutes ?? 0)
    }

    static func change<T: Equatable>(_ what: String, _ old: T?, _ new: T?) -> [String] {
        guard old != new else { return [] }
        return ["\(what) \(old.map { "\($0)" } ?? "none") → \(new.map { "\($0)" } ?? "none")"]
    }

    static func number(_ x: Double) -> String { JSONFields.spoken(x) }
}
