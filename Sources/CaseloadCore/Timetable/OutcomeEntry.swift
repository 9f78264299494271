import Foundation

/// What happened at one session, as a specialist records it.
public struct OutcomeEntry: Hashable, Sendable {
    public var referral: Int64
    public var outcome: SessionOutcome
    /// A short note on the session (no names), if the specialist writes one.
    public var note: String?

    /// The longest note a session keeps.
    public static let noteLimit = 200

    /// An outcome for the session of `referral` on the day being recorded.
    public init(referral: Int64, outcome: SessionOutcome, note: String? = nil) {
        self.referral = referral
        self.outcome = outcome
        self.note = note
    }

    /// A note as typed: trimmed, empty as none, refused when too long or not on one line.
    public static func note(_ text: String?, field: String) throws(InputError) -> String? {
        guard let said = text?.trimmingCharacters(in: .whitespacesAndNewlines), !said.isEmpty else { return nil }
        guard said.count <= noteLimit, !said.contains(where: \.isNewline) else {
            throw InputError(field: field, problem: "keep a session's note to one line of up to \(noteLimit) characters, without names")
        }
        return said
    }

    /// Reads `outcome` as a specialist types it.
    public static func outcome(_ text: String, field: String) throws(InputError) -> SessionOutcome {
        try SessionOutcome(named: text, field: field)
    }
}
