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

    /// `nil` when `from` may move to `to`, else a sentence saying why not and what to do.
    public static func refusal(id: Int64, from: ReferralStatus, to: ReferralStatus) -> String? {
        if allowed[from]?.contains(to) == true { return nil }
        if from == to { return "referral \(id) is already \(from.rawValue)" }
        let can = (allowed[from] ?? []).map(\.rawValue).sorted()
        let next = can.isEmpty ? "it is closed; submit a new referral instead" : "it can move only to \(can.joined(separator: ", "))"
        return "referral \(id) is \(from.rawValue) and cannot become \(to.rawValue): \(next)"
    }
}
