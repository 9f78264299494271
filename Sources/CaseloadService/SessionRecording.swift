import CaseloadCore
import CaseloadStore

/// Recording what happened at sessions, and correcting it: a specialist records their own
/// sessions, a leader anyone's (the access policy decides by whose session it is).
public struct SessionRecording: Sendable {
    public let db: AppDatabase
    public let config: TrustConfig

    /// The use case over `db` under `config`.
    public init(db: AppDatabase, config: TrustConfig) {
        self.db = db
        self.config = config
    }

    /// Records `entries` for the sessions of `day`; returns the bookings recorded.
    public func record(day: CalendarDate, _ entries: [OutcomeEntry], by caller: Identity, today: CalendarDate, stamp: Stamp) throws
        -> [Booking]
    {
        try allowed(caller, day, entries.map(\.referral))
        return try db.timetables.recordOutcomes(day: day, entries, today: today, config: config, stamp: stamp)
    }

    /// Corrects the outcome recorded for `referral`'s session on `day`, with the reason kept.
    public func correct(day: CalendarDate, referral: Int64, to outcome: SessionOutcome, reason: String, by caller: Identity, stamp: Stamp)
        throws
    {
        guard reason.count <= ReferralLifecycle.noteLimit else {
            throw InputError(field: "reason", problem: "is over \(ReferralLifecycle.noteLimit) characters; shorten it")
        }
        try allowed(caller, day, [referral])
        try db.timetables.correctOutcome(day: day, referral: referral, to: outcome, reason: reason, config: config, stamp: stamp)
    }

    /// Refuses sessions that are not the caller's to record (another specialist's answer as
    /// missing ones do).
    func allowed(_ caller: Identity, _ day: CalendarDate, _ referrals: [Int64]) throws {
        guard try AccessPolicy.scope(caller, .recordOutcomes, school: nil) != .trust else { return }
        let owners = Dictionary(
            try db.timetables.timetable(week: day.monday)?.bookings.map { ($0.referral, $0.specialist) } ?? [], uniquingKeysWith: { a, _ in a })
        for r in referrals {
            switch AccessPolicy.denial(caller, .recordOutcomes, .specialist(owners[r] ?? "")) {
            case nil: continue
            case .notFound?: throw StoreError.notFound("referral \(r) has no session of yours in the week of \(day.monday)")
            case let other?: throw other
            }
        }
    }
}
