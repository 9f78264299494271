import CaseloadCore
import CaseloadStore
import Foundation

/// A trust leader's override of a referral's next session (`Override`): book it in a given week,
/// or give it first claim on every week until it is booked; the reason goes to the audit log, and
/// a draft planned before it is stale. The CLI (`referral override`), the API
/// (`POST/DELETE /v1/referrals/{id}/override`) and the referral's page all call this.
public struct ReferralOverriding: Sendable {
    /// Longest reason kept.
    public static let reasonLimit = 500

    public let db: AppDatabase

    /// The use case over `db`.
    public init(db: AppDatabase) { self.db = db }

    /// Sets the override: `week` (any day of it; this week or later) or first claim (`nil`).
    public func set(_ id: Int64, week: String?, reason: String, by caller: Identity, today: CalendarDate, stamp: Stamp) throws -> Override {
        let why = try checked(reason)
        let monday = try week.map { try Day.date($0, field: "week", what: "a day of the week").monday }
        if let monday, monday < today.monday {
            throw InputError(field: "week", problem: "the week of \(monday) has passed; choose this week or a later one")
        }
        let referral = try ReferralLifecycle(db: db).referral(id, for: caller, .overrideReferral)
        return try db.referrals.setOverride(referral.id, week: monday, reason: why, stamp: stamp)
    }

    /// Removes the override; `false` when there was none.
    public func clear(_ id: Int64, reason: String, by caller: Identity, stamp: Stamp) throws -> Bool {
        let referral = try ReferralLifecycle(db: db).referral(id, for: caller, .overrideReferral)
        return try db.referrals.clearOverride(referral.id, reason: String(reason.prefix(Self.reasonLimit)), stamp: stamp)
    }

    func checked(_ reason: String) throws(InputError) -> String {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw InputError(field: "reason", problem: "is required: say why this referral goes first (no pupil names)") }
        guard why.count <= Self.reasonLimit else { throw InputError(field: "reason", problem: "is over \(Self.reasonLimit) characters; shorten it") }
        return why
    }
}
