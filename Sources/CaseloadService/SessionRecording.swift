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

    /// What the week page's day sends: an outcome chosen per session, a note per session, and
    /// whether every other session of the day was delivered.
    public struct DayRecord: Sendable {
        public var choices: [Int64: SessionOutcome]
        public var notes: [Int64: String]
        public var allDelivered: Bool

        /// A day's record with every field.
        public init(choices: [Int64: SessionOutcome], notes: [Int64: String], allDelivered: Bool) {
            (self.choices, self.notes, self.allDelivered) = (choices, notes, allDelivered)
        }
    }

    /// Records `specialist`'s sessions of `day` as the week page sends them: sessions not yet
    /// recorded get their chosen outcome (or, with `allDelivered`, delivered), all in one
    /// transaction; a recorded session whose outcome was changed is corrected, the reason kept as
    /// "changed on the week page"; a note is kept with its session. Returns how many of each.
    public func recordDay(_ day: CalendarDate, specialist: String, _ sent: DayRecord, by caller: Identity, today: CalendarDate, stamp: Stamp)
        throws -> (recorded: Int, corrected: Int)
    {
        let t = try db.timetables.timetable(week: day.monday)
        let sessions = (t?.bookings ?? []).filter { $0.specialist == specialist && $0.day == day.weekday }
        let recorded = t?.outcomes ?? [:]
        let fresh = sessions.filter { recorded[$0.referral] == nil }.compactMap { b -> OutcomeEntry? in
            (sent.choices[b.referral] ?? (sent.allDelivered ? .delivered : nil)).map {
                OutcomeEntry(referral: b.referral, outcome: $0, note: sent.notes[b.referral])
            }
        }
        let changed = sessions.filter { b in recorded[b.referral].map { was in sent.choices[b.referral].map { $0 != was } ?? false } ?? false }
        let stored = try db.timetables.notes(week: day.monday)
        let renoted = Dictionary(
            uniqueKeysWithValues: sessions.filter { recorded[$0.referral] != nil && sent.notes[$0.referral] != stored[$0.referral] }
                .map { ($0.referral, sent.notes[$0.referral]) })
        guard !fresh.isEmpty || !changed.isEmpty || !renoted.isEmpty else {
            throw InputError(field: "outcome", problem: "choose an outcome for at least one session, or press All delivered")
        }
        if !fresh.isEmpty { _ = try record(day: day, fresh, by: caller, today: today, stamp: stamp) }
        for b in changed {
            try correct(day: day, referral: b.referral, to: sent.choices[b.referral]!, reason: "changed on the week page", by: caller, stamp: stamp)
        }
        if !renoted.isEmpty {
            try allowed(caller, day, Array(renoted.keys))
            try db.timetables.setNotes(week: day.monday, renoted, stamp: stamp)
        }
        return (fresh.count, changed.count)
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
