import CaseloadCore
import Foundation
import GRDB

/// A referral that the trust's retention rule says is due for removal of its pupil's data.
public struct RetentionItem: Sendable, Equatable {
    public var referral: Int64, school: String, service: String, status: ReferralStatus
    /// The day the clock started (the last session or status change), and the day it ran out.
    public var lastActivity: CalendarDate, dueOn: CalendarDate
}

extension AppDatabase {
    /// The over referrals whose pupil data the rule says must go by `today`: completed and
    /// withdrawn ones `closedYears` after their last session or status change, declined ones
    /// `declinedYears` after the decision. Already-erased ones are not listed.
    public func retentionDue(_ rule: RetentionRule, today: CalendarDate) throws -> [RetentionItem] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.school_urn, r.service, r.status,
                      MAX(COALESCE((SELECT MAX(substr(at, 1, 10)) FROM referral_status s WHERE s.referral_id = r.id), r.received_on),
                          COALESCE((SELECT MAX(date(b.week_start, '+' || (CASE b.day WHEN 'mon' THEN 0 WHEN 'tue' THEN 1 WHEN 'wed' THEN 2
                            WHEN 'thu' THEN 3 WHEN 'fri' THEN 4 WHEN 'sat' THEN 5 ELSE 6 END) || ' days'))
                            FROM booking b WHERE b.referral_id = r.id AND b.outcome IS NOT NULL), '')) AS last
                    FROM referral r WHERE r.erased_at IS NULL AND r.status IN ('completed', 'withdrawn', 'declined') ORDER BY r.id
                    """)
            return rows.compactMap { row -> RetentionItem? in
                guard let status = ReferralStatus(rawValue: row["status"]), let last = CalendarDate(row["last"] as String) else { return nil }
                let years = status == .declined ? rule.declinedYears : rule.closedYears
                let due = last.adding(years: years)
                guard due <= today else { return nil }
                return RetentionItem(
                    referral: row["id"], school: row["school_urn"], service: row["service"], status: status, lastActivity: last, dueOn: due)
            }
        }
    }

    /// Removes the pupil data of the referrals `ids` (as `retentionDue` lists them) in one
    /// transaction, and records the purge by count only.
    public func applyRetention(_ ids: [Int64], rule: RetentionRule, stamp: Stamp) throws -> Int {
        try write { db in
            try AppDatabase.redact(db, ids: ids, why: "retention", stamp: stamp)
            try db.audit(
                stamp, "retention", "referral", "\(ids.count) referrals",
                ["referrals": "\(ids.count)", "closed_years": "\(rule.closedYears)", "declined_years": "\(rule.declinedYears)"])
            return ids.count
        }
    }

    /// Erases what identifies pupil `pupilRef` of school `school`: every referral of theirs keeps
    /// only anonymous facts. Refused while one is still open (withdraw it first), and when there is
    /// none. The audit log records the erasure and its reason, not the reference.
    public func erasePupil(school: String, pupilRef: String, reason: String, stamp: Stamp) throws -> [Int64] {
        try write { db in
            let rows = try ReferralRow.filter(Column("school_urn") == school && Column("pupil_ref") == pupilRef).fetchAll(db)
            guard !rows.isEmpty else { throw StoreError.notFound("no referrals of that pupil at school \(school)") }
            let open = try rows.filter { [.waiting, .active, .onHold].contains(try $0.currentStatus()) }
            guard open.isEmpty else {
                throw StoreError.conflict(
                    "referral\(open.count == 1 ? "" : "s") \(open.compactMap(\.id).map(String.init).joined(separator: ", ")) of that pupil \(open.count == 1 ? "is" : "are") still open; withdraw \(open.count == 1 ? "it" : "them") first, then erase"
                )
            }
            let ids = rows.compactMap(\.id)
            try AppDatabase.redact(db, ids: ids, why: "erasure", stamp: stamp)
            try db.audit(stamp, "erase_pupil", "school", school, ["referrals": ids.map(String.init).joined(separator: ","), "reason": reason])
            return ids
        }
    }

    /// The redaction itself: the reference and free text go; status notes are emptied; the audit
    /// entries about these referrals keep who, when and what, with their details redacted.
    static func redact(_ db: Database, ids: [Int64], why: String, stamp: Stamp) throws {
        for id in ids {
            try db.execute(
                sql: "UPDATE referral SET pupil_ref = ?, reason = '', erased_at = ? WHERE id = ? AND erased_at IS NULL",
                arguments: ["erased-\(id)", stamp.iso, id])
            try db.execute(sql: "UPDATE referral_status SET note = '' WHERE referral_id = ?", arguments: [id])
            try db.execute(
                sql: "UPDATE audit_log SET detail = ? WHERE entity = 'referral' AND entity_id = ? AND detail NOT LIKE '{\"redacted\":%'",
                arguments: ["{\"redacted\":\"\(why) \(stamp.iso.prefix(10))\"}", "\(id)"])
        }
    }
}
