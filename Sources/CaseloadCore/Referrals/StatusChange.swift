/// The changes a referral's status may go through, and what is refused.
public enum StatusChange {
    /// The statuses each status may move to.
    public static let allowed: [ReferralStatus: Set<ReferralStatus>] = [
        .waiting: [.active, .onHold, .withdrawn, .completed],
        .active: [.onHold, .withdrawn, .completed],
        .onHold: [.waiting, .active, .withdrawn],
        .withdrawn: [.waiting],
        .declined: [],
        .completed: [],
    ]

    /// The changes the weekly cycle itself makes, beyond what a person may ask for: a series
    /// starts when its first session is published, goes back to the list when a re-plan drops
    /// that first session, completes with its last session, and reopens when a person corrects
    /// the outcome of that last session.
    public static let byTheWeek: [ReferralStatus: Set<ReferralStatus>] = [
        .waiting: [.active],
        .active: [.waiting, .completed],
        .completed: [.active],
    ]

    /// The changes a correction of what was submitted makes: a waiting referral judged afresh may
    /// fall below the threshold.
    public static let byCorrection: [ReferralStatus: Set<ReferralStatus>] = [.waiting: [.declined]]

    /// Whether a correction may move a referral from `from` to `to`.
    public static func correctionMayMove(from: ReferralStatus, to: ReferralStatus) -> Bool {
        byCorrection[from]?.contains(to) == true
    }

    /// Whether the weekly cycle may move a referral from `from` to `to`.
    public static func weekMayMove(from: ReferralStatus, to: ReferralStatus) -> Bool {
        byTheWeek[from]?.contains(to) == true
    }

    /// `nil` when `from` may move to `to`, else a sentence saying why not and what to do.
    public static func refusal(id: Int64, from: ReferralStatus, to: ReferralStatus) -> String? {
        if allowed[from]?.contains(to) == true { return nil }
        if from == to { return "referral \(id) is already \(from.rawValue)" }
        let can = (allowed[from] ?? []).map(\.rawValue).sorted()
        let next = can.isEmpty ? "it is closed; submit a new referral instead" : "it can move only to \(can.joined(separator: ", "))"
        return "referral \(id) is \(from.rawValue) and cannot become \(to.rawValue): \(next)"
    }
}
