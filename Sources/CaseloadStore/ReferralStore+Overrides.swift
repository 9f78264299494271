import CaseloadCore
import Foundation
import GRDB

/// A row of `referral_override`: a leader's override of a referral's next session.
struct OverrideRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "referral_override"
    var referralId: Int64
    var sessionNumber: Int
    var weekStart: CalendarDate?
    var reason: String
    var setAt: String
    var setBy: String

    enum Columns: String, ColumnExpression {
        case reason
        case referralId = "referral_id"
        case sessionNumber = "session_number"
        case weekStart = "week_start"
        case setAt = "set_at"
        case setBy = "set_by"
    }

    var override: Override { Override(referral: referralId, session: sessionNumber, week: weekStart, reason: reason) }
}

extension OverrideRow {
    init(row: Row) throws {
        let r = StoredRow(row, table: "referral_override", key: "referral_id")
        referralId = try r(Columns.referralId)
        sessionNumber = try r(Columns.sessionNumber)
        weekStart = try r(Columns.weekStart)
        reason = try r(Columns.reason)
        setAt = try r(Columns.setAt)
        setBy = try r(Columns.setBy)
    }
}

extension ReferralStore {
    /// Sets the leader's override for the referral's next session (replacing any earlier one),
    /// with its reason in the audit log. Only a waiting or running referral can have one.
    public func setOverride(_ referral: Int64, week: CalendarDate?, reason: String, stamp: Stamp) throws -> Override {
        try write { db in
            guard let row = try ReferralRow.fetchOne(db, key: referral) else {
                throw StoreError.notFound("no referral \(referral)", next: .listReferrals)
            }
            let status = row.referral().status
            guard status == .waiting || status == .active else {
                throw StoreError.conflict("referral \(referral) is \(status.words), so there is no session to book; reopen it first")
            }
            let done = try SeriesRow.fetchOne(db, key: referral)?.sessionsDone ?? 0
            let saved = OverrideRow(
                referralId: referral, sessionNumber: status == .waiting ? 1 : done + 1, weekStart: week, reason: reason, setAt: stamp.iso,
                setBy: stamp.actor)
            try saved.save(db)
            try db.audit(
                stamp, "override", "referral", "\(referral)",
                ["week": week?.description ?? "first claim", "session": "\(saved.sessionNumber)", "reason": reason])
            return saved.override
        }
    }

    /// Removes the referral's override, if it has one; returns whether it had.
    public func clearOverride(_ referral: Int64, reason: String, stamp: Stamp) throws -> Bool {
        try write { db in
            guard try OverrideRow.deleteOne(db, key: referral) else { return false }
            try db.audit(stamp, "override_cleared", "referral", "\(referral)", ["reason": reason])
            return true
        }
    }

    /// The referral's override, if any.
    public func override(of referral: Int64) throws -> Override? {
        try read { db in try OverrideRow.fetchOne(db, key: referral)?.override }
    }

    static func overrides(_ db: Database) throws -> [Int64: Override] {
        Dictionary(uniqueKeysWithValues: try OverrideRow.fetchAll(db).map { ($0.referralId, $0.override) })
    }
}
