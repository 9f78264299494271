import CaseloadCore
import CaseloadFormats
import CaseloadStore

/// Corrects what was submitted for a waiting referral: the change is read with the same rules as
/// a new request, judged afresh against the trust's thresholds, stored and audited.
public struct ReferralUpdating: Sendable {
    public let db: AppDatabase
    public let config: TrustConfig

    /// The use case over `db` under `config`.
    public init(db: AppDatabase, config: TrustConfig) {
        self.db = db
        self.config = config
    }

    /// Applies `patch` (the fields to change) to referral `id`; `school`, when given, is the
    /// caller's own school, and another school's referral is not found.
    public func update(_ id: Int64, patch: JSONValue, school: String?, note: String = "", stamp: Stamp) throws -> Referral {
        guard note.count <= ReferralLifecycle.noteLimit else {
            throw InputError(field: "note", problem: "is over \(ReferralLifecycle.noteLimit) characters; shorten it")
        }
        let referral = try db.referrals.find(id)
        if let school, referral.request.school != school { throw StoreError.notFound("no referral \(id)", next: .listReferrals) }
        let request = try ReferralReader.update(referral.request, pathway: referral.pathway, with: patch)
        let threshold = Threshold(config)
        try threshold.check(request)
        return try db.referrals.update(id, to: request, decision: threshold.evaluate(request), note: note, stamp: stamp)
    }
}
