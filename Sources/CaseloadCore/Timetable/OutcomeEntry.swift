import Foundation

/// What happened at one session, as a specialist records it.
public struct OutcomeEntry: Hashable, Sendable {
    public var referral: Int64
    public var outcome: SessionOutcome

    /// An outcome for the session of `referral` on the day being recorded.
    public init(referral: Int64, outcome: SessionOutcome) {
        self.referral = referral
        self.outcome = outcome
    }

    /// Reads `outcome` as a specialist types it.
    public static func outcome(_ text: String, field: String) throws(InputError) -> SessionOutcome {
        try SessionOutcome(named: text, field: field)
    }
}
