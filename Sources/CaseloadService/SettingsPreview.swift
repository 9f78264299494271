import CaseloadCore
import CaseloadStore

/// What a change of the trust's settings would do to today's waiting list, shown to a leader
/// before they save it: per service, who on the list would no longer qualify if referred today
/// (they keep their place: they were accepted under the rules of their day), who would move and
/// how far, and the breaches of the target waits before and after.
public struct SettingsPreview: Sendable {
    /// One service's side of it.
    public struct Service: Sendable {
        public var code: String, name: String
        public var threshold: (before: Int?, after: Int?)
        public var waiting: Int
        /// Referrals on the list that the new thresholds would decline, each with its reasons.
        public var noLongerQualify: [(entry: WaitingEntry, reasons: [String])]
        /// Referrals whose place would change, largest moves first.
        public var moves: [(entry: WaitingEntry, from: Int, to: Int)]
        public var breaches: (before: Int, after: Int)
        /// Places that would go up and down.
        public var up: Int { moves.filter { $0.to < $0.from }.count }
        public var down: Int { moves.filter { $0.to > $0.from }.count }
    }
    public var services: [Service]
    /// Services the new settings no longer run, with how many referrals wait for them.
    public var dropped: [(code: String, waiting: Int)]

    /// The preview of moving from `current` to `proposed` over `db`'s list as of `today`
    /// (a trust leader's; nobody else sees the whole list or changes the settings).
    public static func make(
        from current: TrustConfig, to proposed: TrustConfig, db: AppDatabase, today: CalendarDate, by caller: Identity
    ) throws -> SettingsPreview {
        try AccessPolicy.check(caller, .changeSettings, .trust)
        let before = Dictionary(grouping: try db.referrals.waitingList(config: current, today: today), by: \.referral.request.service)
        let after = Dictionary(grouping: try db.referrals.waitingList(config: proposed, today: today), by: \.referral.request.service)
        let threshold = Threshold(proposed)
        let services = proposed.services.map { rules in
            compare(rules, current.service(rules.code)?.threshold, before[rules.code] ?? [], after[rules.code] ?? [], threshold)
        }
        let run = Set(proposed.services.map(\.code))
        let dropped = before.filter { !run.contains($0.key) }.map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        return SettingsPreview(services: services, dropped: dropped)
    }

    static func compare(_ rules: ServiceRules, _ old: Int?, _ before: [WaitingEntry], _ after: [WaitingEntry], _ threshold: Threshold) -> Service {
        let was = Dictionary(before.map { ($0.referral.id, $0.position) }, uniquingKeysWith: min)
        let moves = after.compactMap { e -> (entry: WaitingEntry, from: Int, to: Int)? in
            guard let from = was[e.referral.id], from != e.position else { return nil }
            return (e, from, e.position)
        }.sorted { abs($0.from - $0.to) > abs($1.from - $1.to) }
        let failing = after.compactMap { e -> (entry: WaitingEntry, reasons: [String])? in
            guard case .declined(_, let reasons) = threshold.evaluate(e.referral.request) else { return nil }
            return (e, reasons)
        }
        return Service(
            code: rules.code, name: rules.name, threshold: (old, rules.threshold), waiting: after.count, noLongerQualify: failing,
            moves: moves, breaches: (before.filter(\.breached).count, after.filter(\.breached).count))
    }
}
