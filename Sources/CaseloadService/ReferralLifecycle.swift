import CaseloadCore
import CaseloadStore

/// The changes a person makes to a referral's life: withdraw, hold, reopen and complete. The
/// weekly cycle's own changes (a series starts when its first session is published, completes
/// with its last outcome) go through the same table of allowed moves (`StatusChange`) in the
/// store's publishing and outcome writes.
public struct ReferralLifecycle: Sendable {
    /// A change a person may ask for.
    public enum Change: String, CaseIterable, Sendable {
        case withdraw, hold, reopen, complete

        /// The status the referral moves to.
        public var target: ReferralStatus {
            switch self {
            case .withdraw: .withdrawn
            case .hold: .onHold
            case .reopen: .waiting
            case .complete: .completed
            }
        }
    }

    /// Longest note kept with a change.
    public static let noteLimit = 500

    public let db: AppDatabase

    /// The use case over `db`.
    public init(db: AppDatabase) { self.db = db }

    /// Referral `id` if `caller` may do `action` to it; another school's answers exactly as a
    /// missing one does.
    public func referral(_ id: Int64, for caller: Identity, _ action: Action = .readReferrals) throws -> Referral {
        let found: Referral?
        do { found = try db.referrals.find(id) } catch StoreError.notFound { found = nil }
        let school = found?.request.school ?? caller.school ?? ""
        if case .notFound? = AccessPolicy.denial(caller, action, .school(school)) { throw missing(id) }
        try AccessPolicy.check(caller, action, .school(school))
        guard let found else { throw missing(id) }
        return found
    }

    /// Applies `change` to referral `id` for `caller`, recording `note` (no names) in its history.
    public func apply(_ change: Change, to id: Int64, by caller: Identity, note: String, stamp: Stamp) throws -> Referral {
        guard note.count <= Self.noteLimit else { throw InputError(field: "note", problem: "is over \(Self.noteLimit) characters; shorten it") }
        let referral = try referral(id, for: caller, .changeReferral)
        return try db.referrals.changeStatus(referral.id, to: change.target, note: note, stamp: stamp)
    }

    func missing(_ id: Int64) -> StoreError { .notFound("no referral \(id)", next: .listReferrals) }
}
