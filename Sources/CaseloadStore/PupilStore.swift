import CaseloadCore
import Foundation
import GRDB

/// A referral that the trust's retention rule says is due for removal of its pupil's data.
public struct RetentionItem: Sendable, Equatable {
    public var referral: Int64, school: String, service: String, status: ReferralStatus
    /// The day the clock started (the last session or status change), and the day it ran out.
    public var lastActivity: CalendarDate, dueOn: CalendarDate
}

extension PupilStore {
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
            return try rows.compactMap { found -> RetentionItem? in
                let row = StoredRow(found, table: "referral")
                let status: ReferralStatus = try row(ReferralRow.Columns.status)
                let last: CalendarDate = try row(Column("last"))
                let due = last.adding(years: status == .declined ? rule.declinedYears : rule.closedYears)
                guard due <= today else { return nil }
                return RetentionItem(
                    referral: try row(ReferralRow.Columns.id), school: try row(ReferralRow.Columns.schoolUrn),
                    service: try row(ReferralRow.Columns.service), status: status, lastActivity: last, dueOn: due)
            }
        }
    }

    /// Removes the pupil data of the referrals `ids` (as `retentionDue` lists them) in one
    /// transaction, and records the purge by count only.
    public func applyRetention(_ ids: [Int64], rule: RetentionRule, stamp: Stamp) throws -> Int {
        let count = try write { db in
            try PupilStore.redact(db, ids: ids, why: "retention", stamp: stamp)
            try db.audit(
                stamp, "retention", "referral", "\(ids.count) referrals",
                ["referrals": "\(ids.count)", "closed_years": "\(rule.closedYears)", "declined_years": "\(rule.declinedYears)"])
            return ids.count
        }
        try forgetFreedPages()
        return count
    }

    /// Erases what identifies pupil `pupilRef` of school `school`: every referral of theirs keeps
    /// only anonymous facts. Refused while one is still open (withdraw it first), and when there is
    /// none. The audit log records the erasure and its reason, not the reference.
    public func erasePupil(school: String, pupilRef: String, reason: String, stamp: Stamp) throws -> [Int64] {
        let ids = try write { db in
            let rows = try ReferralRow.filter(ReferralRow.Columns.schoolUrn == school && ReferralRow.Columns.pupilRef == pupilRef).fetchAll(db)
            guard !rows.isEmpty else { throw StoreError.notFound("no referrals of that pupil at school \(school)") }
            let open = rows.filter(\.status.isOpen)
            guard open.isEmpty else {
                throw StoreError.conflict(
                    "referral\(open.count == 1 ? "" : "s") \(open.compactMap(\.id).map(String.init).joined(separator: ", ")) of that pupil \(open.count == 1 ? "is" : "are") still open; withdraw \(open.count == 1 ? "it" : "them") first, then erase"
                )
            }
            let ids = rows.compactMap(\.id)
            try PupilStore.redact(db, ids: ids, why: "erasure", stamp: stamp)
            try db.audit(stamp, "erase_pupil", "school", school, ["referrals": ids.map(String.init).joined(separator: ","), "reason": reason])
            return ids
        }
        try forgetFreedPages()
        return ids
    }

    /// The redaction itself: the reference and free text go; status notes are emptied; the audit
    /// entries about these referrals keep who, when and what, with their details redacted.
    static func redact(_ db: Database, ids: [Int64], why: String, stamp: Stamp) throws {
        for id in ids {
            try db.execute(
                sql: "UPDATE referral SET pupil_ref = ?, reason = '', erased_at = ? WHERE id = ? AND erased_at IS NULL",
                arguments: ["erased-\(id)", stamp.iso, id])
            try db.execute(sql: "UPDATE referral_status SET note = '' WHERE referral_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM referral_override WHERE referral_id = ?", arguments: [id])
            try db.execute(
                sql: "UPDATE audit_log SET detail = ? WHERE entity = 'referral' AND entity_id = ? AND detail NOT LIKE '{\"redacted\":%'",
                arguments: ["{\"redacted\":\"\(why) \(stamp.iso.prefix(10))\"}", "\(id)"])
        }
    }

    /// After an erasure: the write-ahead log is checkpointed into the file and truncated, so that
    /// the erased values (zeroed in the file by `secure_delete`) are gone from the log too while
    /// the database stays open. When readers hold the checkpoint up past the busy timeout, the
    /// erasure stands and the error says so.
    func forgetFreedPages() throws {
        guard database.filePath != nil else { return }  // in memory: no file, no log
        do { try database.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) } } catch {
            throw StoreError.unavailable(
                "the pupil data was erased, but the database's write-ahead log could not be cleared yet (\(error)); run the same erasure or retention again in a minute to clear it"
            )
        }
    }
}

/// A week in which a waiting referral was not booked, and why (as the planner said).
public struct UnbookedWeek: Sendable, Equatable {
    public var week: CalendarDate
    public var code: String
    public var reason: String
}

/// A published session that a re-plan moved or dropped.
public struct CancelledSession: Sendable, Equatable {
    public var date: CalendarDate
    public var booking: Booking
    /// The week's revision that cancelled it.
    public var revision: Int
}

extension PupilStore {
    /// Every week the referral was left unbooked, with the planner's reason, oldest first.
    public func unbookedWeeks(of referral: Int64) throws -> [UnbookedWeek] {
        try read { db in
            try UnbookedRow.filter(UnbookedRow.Columns.referralId == referral).order(UnbookedRow.Columns.weekStart).fetchAll(db)
                .map { UnbookedWeek(week: $0.weekStart, code: $0.code, reason: $0.reason) }
        }
    }

    /// The referral's published sessions that re-plans cancelled, oldest first.
    public func cancelledSessions(of referral: Int64) throws -> [CancelledSession] {
        try read { db in
            try CancelledRow.filter(BookedSlot.Columns.referralId == referral).order(BookedSlot.Columns.weekStart, Column("id")).fetchAll(db)
                .map { CancelledSession(date: $0.slot.date, booking: $0.slot.booking, revision: $0.revision) }
        }
    }
}
