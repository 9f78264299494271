import CaseloadCore
import Foundation
import GRDB

extension TimetableStore {
    /// Locks a week: referrals whose first session is booked become active series with the
    /// booked specialist and weekday. Returns how many series started.
    @discardableResult
    public func publish(week: CalendarDate, stamp: Stamp) throws -> Int {
        try write { db in
            guard var row = try TimetableRow.fetchOne(db, key: week) else {
                throw StoreError.notFound("no timetable for the week of \(week)", next: .generateWeek(week))
            }
            guard row.status == .draft else {
                throw StoreError.conflict("the week of \(week) is already published (a re-plan of a published week is published at once)")
            }
            try TimetableStore.refuseStale(db, row)
            try TimetableStore.refuseDoubleBooking(db, row)
            row.status = .published
            row.publishedAt = stamp.iso
            try row.update(db)
            var started = 0
            for b in try BookingRow.filter(BookedSlot.Columns.weekStart == week && BookedSlot.Columns.sessionNumber == 1).fetchAll(db) {
                if try db.startSeries(b, stamp) { started += 1 }
            }
            try db.execute(sql: "DELETE FROM week_hold WHERE week = ?", arguments: [week.description])  // a leader published it
            try db.audit(stamp, "publish", "timetable", week.description, ["series_started": "\(started)"])
            try OutboxStore.weekPublished(db, week: week, stamp: stamp)
            return started
        }
    }

    /// Refuses a draft planned before something it depends on changed: a referral's status or
    /// details, an outcome, a specialist or their leave, a school or its closures, or another
    /// week's publishing.
    static func refuseStale(_ db: Database, _ t: TimetableRow) throws {
        guard let what = try staleChanges(db, t) else { return }
        throw StoreError.conflict(
            "the draft of the week of \(t.weekStart) was planned before later changes (\(what))", next: .planWeekAgain(t.weekStart))
    }

    /// What changed since the draft of `week` was planned, in words ("referral 1001 was put on
    /// hold; …"), or `nil` when the draft is current (or there is no draft).
    public func staleness(week: CalendarDate) throws -> String? {
        try read { db in
            guard let row = try TimetableRow.fetchOne(db, key: week), row.status == .draft else { return nil }
            return try TimetableStore.staleChanges(db, row)
        }
    }

    static func staleChanges(_ db: Database, _ t: TimetableRow) throws -> String? {
        let changes = try Row.fetchAll(
            db,
            sql: """
                SELECT action, entity, entity_id FROM audit_log WHERE id > ? AND (
                  (entity = 'referral' AND action IN ('status', 'update', 'session', 'correct_session', 'override', 'override_cleared'))
                  OR entity IN ('specialist', 'school', 'closure')
                  OR (entity = 'timetable' AND entity_id != ? AND action IN ('publish', 'replan')))
                ORDER BY id LIMIT 40
                """, arguments: [t.basedOnAudit, t.weekStart])
        guard !changes.isEmpty else { return nil }
        var said: [String] = []
        for r in changes {
            let line = TimetableStore.change(action: r[0], entity: r[1], id: r[2])
            if !said.contains(line) { said.append(line) }
        }
        return said.prefix(3).joined(separator: "; ") + (said.count > 3 || changes.count == 40 ? "; and more" : "")
    }

    /// One audited change that makes a draft stale, in words ("referral 1001 was put on hold or
    /// changed status", "salt-3's absence was recorded").
    static func change(action: String, entity: String, id: String) -> String {
        switch (entity, action) {
        case ("closure", let a): "closure \(id) was \(a == "close" ? "added" : "removed")"
        case ("timetable", let a): "the week of \(id) was \(a == "publish" ? "published" : "re-planned")"
        case ("referral", "status"): "referral \(id) changed status"
        case ("referral", "update"): "referral \(id) was corrected"
        case ("referral", "session"), ("referral", "correct_session"): "a session of referral \(id) was recorded or corrected"
        case ("referral", "override"): "a leader put referral \(id) first"
        case ("referral", "override_cleared"): "a leader removed referral \(id)'s override"
        case ("specialist", "leave"), ("specialist", "correct_leave"), ("specialist", "withdraw_leave"): "\(id)'s absences changed"
        case ("specialist", _): "specialist \(id) changed"
        case ("school", _): "school \(id) changed"
        default: "\(entity) \(id) changed"
        }
    }

    /// Refuses to publish a booking that would start a referral twice or book one that is no
    /// longer waiting or running.
    static func refuseDoubleBooking(_ db: Database, _ t: TimetableRow) throws {
        let bad = try Row.fetchAll(
            db,
            sql: """
                SELECT b.referral_id, r.status FROM booking b JOIN referral r ON r.id = b.referral_id
                LEFT JOIN series s ON s.referral_id = b.referral_id
                WHERE b.week_start = ? AND NOT (
                  (b.session_number = 1 AND r.status = 'waiting') OR
                  (r.status = 'active' AND s.sessions_done + 1 = b.session_number))
                LIMIT 5
                """, arguments: [t.weekStart])
        guard let first = bad.first else { return }
        let (id, status): (Int64, String) = (first[0], first[1])
        throw StoreError.conflict(
            "the draft of the week of \(t.weekStart) books referral \(id), which is \(status) now (and \(bad.count - 1) more)",
            next: .planWeekAgain(t.weekStart))
    }

    /// A referral's series, if it has started.
    public func series(_ referral: Int64) throws -> Series? {
        try read { db in try SeriesRow.fetchOne(db, key: referral)?.series }
    }
}

extension Database {
    /// Moves a referral as the weekly cycle does (see `StatusChange.byTheWeek`), with its history.
    func moveByTheWeek(_ id: Int64, to: ReferralStatus, note: String, _ stamp: Stamp) throws {
        guard var row = try ReferralRow.fetchOne(self, key: id) else { throw StoreError.notFound("no referral \(id)") }
        let from = row.status
        guard StatusChange.weekMayMove(from: from, to: to) else {
            throw StoreError.conflict("referral \(id) is \(from.rawValue) and the week cannot make it \(to.rawValue)")
        }
        row.status = to
        try row.update(self)
        try recordStatus(id, from: from, to: to, note: note, stamp)
    }

    /// Starts the series of a waiting referral whose first session `b` is published; an active
    /// series that has not yet had a session follows the booking to its new specialist and day.
    /// Returns whether a series started.
    func startSeries(_ b: BookingRow, _ stamp: Stamp) throws -> Bool {
        guard b.slot.sessionNumber == 1, let referral = try ReferralRow.fetchOne(self, key: b.referralId) else { return false }
        if referral.status == .active, var series = try SeriesRow.fetchOne(self, key: b.referralId),
            series.sessionsDone == 0
        {
            series.specialistId = b.slot.specialistId
            series.weekday = b.slot.day
            try series.update(self)
            return false
        }
        guard referral.status == .waiting else { return false }
        try moveByTheWeek(b.referralId, to: .active, note: "first session booked \(b.slot.weekStart) \(b.slot.day.rawValue)", stamp)
        try SeriesRow(referralId: b.referralId, specialistId: b.slot.specialistId, weekday: b.slot.day, sessionsDone: 0, lastWeek: nil).save(self)
        return true
    }

    /// A published first session dropped by a re-plan: a series that never met goes back to the
    /// waiting list, keeping its place (its receipt date and score are unchanged).
    func unstartSeries(_ b: BookingRow, _ stamp: Stamp) throws {
        guard b.slot.sessionNumber == 1, let series = try SeriesRow.fetchOne(self, key: b.referralId), series.sessionsDone == 0,
            try ReferralRow.fetchOne(self, key: b.referralId)?.status == .active
        else { return }
        _ = try SeriesRow.deleteOne(self, key: b.referralId)
        let note = "first session of \(b.slot.weekStart) \(b.slot.day.rawValue) cancelled by a re-plan"
        try moveByTheWeek(b.referralId, to: .waiting, note: note, stamp)
    }
}
