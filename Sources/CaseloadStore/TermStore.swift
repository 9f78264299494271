import CaseloadCore
import Foundation
import GRDB

/// What the term's figures are read from: each recorded session, when each referral was first
/// seen and when it left the waiting list.
extension TimetableStore {
    /// The sessions with an outcome recorded from `from` to `to`, with each referral's service.
    public func recordedSessions(from: CalendarDate, to: CalendarDate) throws -> [RecordedSession] {
        try read { db in
            let services = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, service FROM referral").map { row -> (Int64, String) in
                    let r = StoredRow(row, table: "referral")
                    return (try r(Column("id")), try r(Column("service")))
                })
            let rows = try BookingRow.filter(Column("outcome") != nil && BookedSlot.Columns.weekStart >= from.adding(days: -6))
                .filter(BookedSlot.Columns.weekStart <= to).fetchAll(db)
            return try rows.compactMap { b -> RecordedSession? in
                guard let outcome = b.outcome, (from...to).contains(b.slot.date) else { return nil }
                guard let service = services[b.referralId] else {
                    throw StoreError.notFound("booking of referral \(b.referralId) names no referral; run caseload check-db")
                }
                return RecordedSession(
                    referral: b.referralId, school: b.slot.schoolUrn, service: service, date: b.slot.date,
                    minutes: b.slot.end.minutes - b.slot.start.minutes, outcome: outcome)
            }
        }
    }

    /// Each referral's first delivered session.
    public func firstSeen() throws -> [Int64: CalendarDate] {
        try read { db in
            var first: [Int64: CalendarDate] = [:]
            for b in try BookingRow.filter(Column("outcome") == SessionOutcome.delivered.rawValue).fetchAll(db) {
                first[b.referralId] = min(first[b.referralId] ?? b.slot.date, b.slot.date)
            }
            return first
        }
    }
}

extension ReferralStore {
    /// The day (on the trust's clock) each referral first left the waiting list, if it has.
    public func leftWaiting() throws -> [Int64: CalendarDate] {
        try read { db in
            var left: [Int64: CalendarDate] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT referral_id, MIN(at) AS at FROM referral_status WHERE from_status = 'waiting' GROUP BY referral_id")
            for row in rows {
                let r = StoredRow(row, table: "referral_status", key: "referral_id")
                let at: String = try r(Column("at"))
                guard let instant = try? Date(at, strategy: .iso8601) else { throw r.unreadable("at", at.databaseValue) }
                left[try r(Column("referral_id"))] = Moment.london(instant).date
            }
            return left
        }
    }
}
