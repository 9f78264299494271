import CaseloadCore
import Foundation
import GRDB

extension AppDatabase {
    /// Locks a week: referrals whose first session is booked become active series with the
    /// booked specialist and weekday. Returns how many series started.
    @discardableResult
    public func publish(week: CalendarDate, stamp: Stamp) throws -> Int {
        try write { db in
            guard var row = try TimetableRow.fetchOne(db, key: week.description) else {
                throw StoreError.notFound("no timetable for the week of \(week); generate it with `caseload schedule --week \(week)`")
            }
            guard row.status == "draft" else { throw StoreError.conflict("the week of \(week) is already published") }
            row.status = "published"
            row.publishedAt = stamp.iso
            try row.update(db)
            var started = 0
            for b in try BookingRow.filter(Column("week_start") == row.weekStart && Column("session_number") == 1).fetchAll(db) {
                guard let referral = try ReferralRow.fetchOne(db, key: b.referralId), referral.status == ReferralStatus.waiting.rawValue else { continue }
                try db.execute(sql: "UPDATE referral SET status = 'active' WHERE id = ?", arguments: [b.referralId])
                try db.recordStatus(b.referralId, from: "waiting", to: "active", note: "first session booked \(week) \(b.day)", stamp)
                try SeriesRow(referralId: b.referralId, specialistId: b.specialistId, weekday: b.day, sessionsDone: 0, lastWeek: nil).save(db)
                started += 1
            }
            try db.audit(stamp, "publish", "timetable", week.description, ["series_started": "\(started)"])
            return started
        }
    }

    /// Records what happened at a booked session. A delivered session advances the series
    /// (and completes the referral after its last session); any other outcome leaves the
    /// session due, so next week's plan offers it again.
    public func recordOutcome(week: CalendarDate, referral id: Int64, outcome: SessionOutcome, config: TrustConfig, stamp: Stamp) throws {
        try write { db in
            guard let timetable = try TimetableRow.fetchOne(db, key: week.description), timetable.status == "published" else {
                throw StoreError.conflict("the week of \(week) is not published; publish it before recording sessions")
            }
            guard var booking = try BookingRow.filter(Column("week_start") == week.description && Column("referral_id") == id).fetchOne(db) else {
                throw StoreError.notFound("referral \(id) has no session booked in the week of \(week)")
            }
            guard booking.outcome == nil else { throw StoreError.conflict("the session of referral \(id) in the week of \(week) is already recorded as \(booking.outcome!)") }
            booking.outcome = outcome.rawValue
            try booking.update(db)
            if outcome == .delivered { try advance(db, booking, config, stamp) }
            try db.audit(stamp, "session", "referral", "\(id)", ["week": week.description, "outcome": outcome.rawValue])
        }
    }

    private func advance(_ db: Database, _ b: BookingRow, _ config: TrustConfig, _ stamp: Stamp) throws {
        guard var series = try SeriesRow.fetchOne(db, key: b.referralId), let referral = try ReferralRow.fetchOne(db, key: b.referralId) else { return }
        series.sessionsDone += 1
        series.lastWeek = b.weekStart
        try series.update(db)
        let total = config.service(referral.service)?.pathway(referral.pathway)?.sessions ?? 1
        if series.sessionsDone >= total, referral.status == ReferralStatus.active.rawValue {
            try db.execute(sql: "UPDATE referral SET status = 'completed' WHERE id = ?", arguments: [b.referralId])
            try db.recordStatus(b.referralId, from: "active", to: "completed", note: "last of \(total) sessions delivered", stamp)
        }
    }

    /// A referral's series, if it has started.
    public func series(_ referral: Int64) throws -> Series? {
        try read { db in try SeriesRow.fetchOne(db, key: referral)?.series }
    }
}
