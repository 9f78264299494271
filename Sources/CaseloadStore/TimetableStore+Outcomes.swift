import CaseloadCore
import Foundation
import GRDB

/// One session of a referral across the weeks, with what happened.
public struct SessionRecord: Hashable, Sendable {
    public var date: CalendarDate
    public var booking: Booking
    public var outcome: SessionOutcome?
    /// Who recorded the outcome, and when (ISO 8601).
    public var recordedBy: String?, recordedAt: String?
    /// The specialist's note on the session.
    public var note: String? = nil
}

extension TimetableStore {
    /// Records the outcomes of one day's sessions at once, each against that session's own
    /// date: all of them, or none if any is refused (every refusal is listed). A session cannot
    /// be recorded before its day, nor twice (correct it instead).
    public func recordOutcomes(
        day: CalendarDate, _ entries: [OutcomeEntry], today: CalendarDate, config: TrustConfig,
        stamp: Stamp
    ) throws -> [Booking] {
        try write { db in
            try TimetableStore.publishedWeek(db, day.monday)
            var problems: [String] = []
            var done: [Booking] = []
            for e in entries {
                do { done.append(try record(db, day: day, e, today: today, config: config, stamp: stamp)) } catch let error as StoreError {
                    problems.append("referral \(e.referral): \(error.description)")
                }
            }
            if !problems.isEmpty { throw StoreError.invalid("nothing was recorded:\n" + problems.joined(separator: "\n")) }
            return done
        }
    }

    /// Records one session of `referral` in the week of `week`, on whatever day it is booked.
    public func recordOutcome(
        week: CalendarDate, referral id: Int64, outcome: SessionOutcome, today: CalendarDate,
        config: TrustConfig, stamp: Stamp
    ) throws {
        let day = try read { db in try TimetableStore.booking(db, week: week, referral: id).slot.date }
        _ = try recordOutcomes(day: day, [OutcomeEntry(referral: id, outcome: outcome)], today: today, config: config, stamp: stamp)
    }

    /// Corrects a recorded outcome: the series steps back or on to match, a completed referral
    /// reopens if its last delivered session did not happen after all; kept in the referral's
    /// history and the audit log with who and why.
    public func correctOutcome(
        day: CalendarDate, referral id: Int64, to outcome: SessionOutcome, reason: String,
        config: TrustConfig, stamp: Stamp
    ) throws {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StoreError.invalid("say why the outcome is corrected (a reason is kept in the audit log)")
        }
        try write { db in
            var b = try TimetableStore.booking(db, week: day.monday, referral: id, on: day)
            guard let old = b.outcome else {
                throw StoreError.conflict("the session of referral \(id) on \(day) has no outcome yet; record it instead")
            }
            guard old != outcome else { throw StoreError.conflict("the session of referral \(id) on \(day) is already \(outcome.rawValue)") }
            b.outcome = outcome
            b.outcomeAt = stamp.iso
            b.outcomeBy = stamp.actor
            try b.update(db)
            if old == .delivered { try stepBack(db, b, reason: reason, stamp) }
            if outcome == .delivered { try advance(db, b, config, stamp) }
            let now = try ReferralRow.fetchOne(db, key: id)?.status ?? .active
            try db.recordStatus(
                id, from: now, to: now,
                note: "session of \(day) corrected from \(old.rawValue) to \(outcome.rawValue): \(reason)", stamp)
            try db.audit(
                stamp, "correct_session", "referral", "\(id)",
                ["date": day.description, "from": old.rawValue, "to": outcome.rawValue, "reason": reason])
        }
    }

    /// Every session of a referral across the weeks, oldest first.
    /// Sets the notes of sessions already recorded in the week of `week` (`nil`: none).
    public func setNotes(week: CalendarDate, _ notes: [Int64: String?], stamp: Stamp) throws {
        try write { db in
            for (referral, note) in notes {
                try db.execute(
                    sql: "UPDATE booking SET note = ? WHERE week_start = ? AND referral_id = ? AND outcome IS NOT NULL",
                    arguments: [note, week, referral])
                try db.audit(stamp, "session_note", "referral", "\(referral)", ["week": week.description])
            }
        }
    }

    /// The notes of the week of `week`'s sessions, by referral.
    public func notes(week: CalendarDate) throws -> [Int64: String] {
        try read { db in
            var notes: [Int64: String] = [:]
            for b in try BookingRow.filter(BookedSlot.Columns.weekStart == week && Column("note") != nil).fetchAll(db) {
                notes[b.referralId] = b.note
            }
            return notes
        }
    }

    /// The referral's sessions in every week, oldest first, with outcomes and notes.
    public func sessions(of referral: Int64) throws -> [SessionRecord] {
        try read { db in
            try BookingRow.filter(BookedSlot.Columns.referralId == referral).order(BookedSlot.Columns.weekStart, Column("id")).fetchAll(db).map { b in
                SessionRecord(
                    date: b.slot.date, booking: b.slot.booking, outcome: b.outcome, recordedBy: b.outcomeBy, recordedAt: b.outcomeAt, note: b.note)
            }
        }
    }

    private func record(
        _ db: Database, day: CalendarDate, _ e: OutcomeEntry, today: CalendarDate, config: TrustConfig,
        stamp: Stamp
    ) throws -> Booking {
        var b = try TimetableStore.booking(db, week: day.monday, referral: e.referral, on: day)
        guard day <= today else { throw StoreError.invalid("its session is on \(day), which has not happened yet; record it on or after that day") }
        if let done = b.outcome { throw StoreError.conflict("its session on \(day) is already recorded as \(done.rawValue); correct it instead") }
        b.outcome = e.outcome
        b.note = e.note
        b.outcomeAt = stamp.iso
        b.outcomeBy = stamp.actor
        try b.update(db)
        if e.outcome == .delivered { try advance(db, b, config, stamp) }
        try db.audit(stamp, "session", "referral", "\(e.referral)", ["date": day.description, "outcome": e.outcome.rawValue])
        return b.slot.booking
    }

    /// A delivered session moves the series on, and completes the referral after its last one.
    private func advance(_ db: Database, _ b: BookingRow, _ config: TrustConfig, _ stamp: Stamp) throws {
        guard var series = try SeriesRow.fetchOne(db, key: b.referralId), let referral = try ReferralRow.fetchOne(db, key: b.referralId) else {
            return
        }
        series.sessionsDone += 1
        series.lastWeek = max(series.lastWeek ?? b.slot.weekStart, b.slot.weekStart)
        try series.update(db)
        let total = config.service(referral.service)?.pathway(referral.pathway)?.sessions ?? 1
        if series.sessionsDone >= total, referral.status == .active {
            try db.moveByTheWeek(b.referralId, to: .completed, note: "last of \(total) sessions delivered", stamp)
        }
    }

    /// A session that was not delivered after all: the series steps back, and a referral it had
    /// completed is active again.
    private func stepBack(_ db: Database, _ b: BookingRow, reason: String, _ stamp: Stamp) throws {
        guard var series = try SeriesRow.fetchOne(db, key: b.referralId) else { return }
        series.sessionsDone = max(0, series.sessionsDone - 1)
        series.lastWeek = try CalendarDate.fetchOne(
            db, sql: "SELECT MAX(week_start) FROM booking WHERE referral_id = ? AND outcome = 'delivered'", arguments: [b.referralId])
        try series.update(db)
        if try ReferralRow.fetchOne(db, key: b.referralId)?.status == .completed {
            try db.moveByTheWeek(b.referralId, to: .active, note: "reopened: a delivered session was corrected (\(reason))", stamp)
        }
    }

    @discardableResult
    static func publishedWeek(_ db: Database, _ week: CalendarDate) throws -> TimetableRow {
        guard let t = try TimetableRow.fetchOne(db, key: week) else {
            throw StoreError.notFound("no timetable for the week of \(week)")
        }
        guard t.status == .published else {
            throw StoreError.conflict("the week of \(week) is not published; publish it before recording sessions")
        }
        return t
    }

    /// The referral's booking in `week` (on `day`, when given).
    static func booking(_ db: Database, week: CalendarDate, referral id: Int64, on day: CalendarDate? = nil) throws -> BookingRow {
        try publishedWeek(db, week)
        guard let b = try BookingRow.filter(BookedSlot.Columns.weekStart == week && BookedSlot.Columns.referralId == id).fetchOne(db) else {
            throw StoreError.notFound("referral \(id) has no session booked in the week of \(week)")
        }
        if let day, b.slot.date != day {
            throw StoreError.notFound("referral \(id)'s session that week is on \(b.slot.date), not \(day)")
        }
        return b
    }
}
