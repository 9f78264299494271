/// How urgent first sessions get in (`urgency`): which bands count as urgent, the share of each
/// service's week kept for urgent and statutory first sessions, and whether one may postpone a
/// running block's next session.
public struct UrgencyRule: Hashable, Sendable {
    /// Bands (at intake) whose first sessions count as urgent; a statutory deadline always does.
    public var bands: Set<String> = ["urgent"]
    /// Percent of each service's working time this week that new blocks of sessions (routine
    /// referrals of more than one session) may not take, so that it stays free for urgent and
    /// statutory first sessions; single sessions may use it when nothing urgent does.
    public var reservePercent = 15
    /// Whether an urgent first session may displace a running block's next session (the block
    /// then goes on a week later).
    public var mayPostponeBlocks = false

    /// The rule: the `urgent` band, a 15% reserve, blocks never postponed.
    public init(bands: Set<String> = ["urgent"], reservePercent: Int = 15, mayPostponeBlocks: Bool = false) {
        self.bands = bands
        self.reservePercent = reservePercent
        self.mayPostponeBlocks = mayPostponeBlocks
    }

    /// Whether `entry`'s first session is urgent: its intake band is one of `bands`, or it has a
    /// statutory deadline.
    public func isUrgent(_ entry: WaitingEntry) -> Bool {
        bands.contains(entry.referral.band) || entry.statutoryDeadline != nil
    }
}

extension TrustConfig {
    /// `urgency`: `bands` (names of priority bands), `reserve_percent` (0 to 50) and
    /// `may_postpone_blocks` (yes or no).
    static func readUrgency(_ f: JSONFields, bandNames: [String]) throws(InputError) -> UrgencyRule {
        try f.onlyKeys(["bands", "reserve_percent", "may_postpone_blocks"])
        var rule = UrgencyRule()
        if f.optional("bands") != nil {
            let bands = try f.flexibleList("bands")
            if let odd = bands.first(where: { !bandNames.contains($0) }) {
                throw f.error("bands", "\"\(odd)\" is not a priority band; use any of \(bandNames.joined(separator: ", "))")
            }
            rule.bands = Set(bands)
        }
        rule.reservePercent = try f.optionalInt("reserve_percent", in: 0...50) ?? rule.reservePercent
        rule.mayPostponeBlocks = try f.flexibleBool("may_postpone_blocks") ?? rule.mayPostponeBlocks
        return rule
    }
}

extension UrgencyRule {
    /// The urgent or statutory entries of `entries` that, as things stand, will be seen after
    /// their target, with each school's name from `schools` (by URN).
    public func late(_ entries: [WaitingEntry], schools: [String: String]) -> [LateReferral] {
        entries.filter { isUrgent($0) && $0.willMissTarget }.compactMap { e in
            guard let due = [e.targetDate, e.statutoryDeadline].compactMap({ $0 }).min() else { return nil }
            let urn = e.referral.request.school
            return LateReferral(
                referral: e.referral.id, school: schools[urn] ?? "school \(urn)", service: e.referral.request.service, due: due,
                likely: e.estimatedFirstWeek)
        }
    }
}
