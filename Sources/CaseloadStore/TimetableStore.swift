import CaseloadCore
import CaseloadFormats
import Foundation
import GRDB

/// A booking a re-plan cancelled, and the timetable revision that cancelled it.
public struct CancelledBooking: Hashable, Sendable {
    public var booking: Booking
    public var revision: Int
}

/// A week's timetable as stored: its plan, bookings and the referrals not booked.
public struct WeekTimetable: Sendable {
    public var weekStart: CalendarDate
    public var published: Bool
    public var scenario: WeekScenario
    public var plan: WeekPlan
    public var bookings: [Booking]
    /// Referrals not booked this week, with a reason code and sentence.
    public var unbooked: [(referral: Int64, code: String, reason: String)]
    /// Outcomes recorded so far, by referral.
    public var outcomes: [Int64: SessionOutcome]
    /// 0 when first planned, one more at each re-plan.
    public var revision: Int = 0
    /// Published bookings that re-plans moved or dropped (for calendars to cancel).
    public var cancelled: [CancelledBooking] = []

    /// A week's timetable from its parts.
    public init(
        weekStart: CalendarDate, published: Bool, scenario: WeekScenario, plan: WeekPlan, bookings: [Booking],
        unbooked: [(referral: Int64, code: String, reason: String)], outcomes: [Int64: SessionOutcome]
    ) {
        self.weekStart = weekStart
        self.published = published
        self.scenario = scenario
        self.plan = plan
        self.bookings = bookings
        self.unbooked = unbooked
        self.outcomes = outcomes
    }

    /// Running blocks that this week leaves without their session, with why: referrals whose
    /// demand this week was a later session of their series (session 2 or after), not booked.
    /// They have first claim the next week. One definition for the schedule's output, the week's
    /// review and summary, and the term's count.
    public var interruptedBlocks: [(referral: Int64, reason: String)] {
        let running = Set(scenario.sessions.compactMap { TimetableAssembler.parse(sessionId: $0.id) }.filter { $0.number > 1 }.map(\.referral))
        return unbooked.filter { running.contains($0.referral) }.map { ($0.referral, $0.reason) }
    }
}

extension TimetableStore {
    /// Everything the week's demand is built from, as of the week's Monday.
    public func weekInput(week: CalendarDate, config: TrustConfig) throws -> WeekDemand.Input {
        let config = try database.calendar.withClosures(config)
        let waiting = try database.referrals.waitingList(config: config, today: week)
        return try read { db in
            let active = try ReferralRow.filter(ReferralRow.Columns.status == ReferralStatus.active).fetchAll(db).map { $0.referral() }
            let starts = try TimetableStore.firstStarts(db)
            let series = Dictionary(
                uniqueKeysWithValues: try SeriesRow.fetchAll(db).map { row in
                    var s = row.series
                    s.start = starts[row.referralId]
                    return (row.referralId, s)
                })
            let leave = try CalendarStore.leave(db, from: week, to: week.adding(days: 6))
            return WeekDemand.Input(
                weekStart: week, config: config, schools: try SchoolRow.order(Column("urn")).fetchAll(db).map(\.record),
                roster: try SpecialistRow.order(Column("id")).fetchAll(db).map(\.specialist), leave: leave, waiting: waiting,
                active: active.compactMap { r in series[r.id].map { (r, $0) } }, overrides: try ReferralStore.overrides(db))
        }
    }

    /// When each running block's first session started (its latest published first session),
    /// which the pathway's `same_time` keeps; blocks that have ended are not read.
    static func firstStarts(_ db: Database) throws -> [Int64: ClockTime] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT b.referral_id, b.start FROM booking b JOIN timetable t ON t.week_start = b.week_start
                JOIN series s ON s.referral_id = b.referral_id
                WHERE b.session_number = 1 AND t.status = 'published' ORDER BY b.week_start
                """)
        var starts: [Int64: ClockTime] = [:]
        for row in rows {
            let read = StoredRow(row, table: "booking", key: "referral_id")
            starts[try read(Column("referral_id"))] = try read(Column("start")) as ClockTime
        }
        return starts
    }

    /// Stores a week's plan: a new draft, or (`keepPublished`) the re-plan of a published week.
    /// Bookings that stay where they were are left untouched, with their outcomes; a booking
    /// with a recorded outcome is never removed (the plan is refused instead). In a published
    /// week the re-plan is live at once: moved or dropped bookings are kept as cancelled,
    /// new first sessions start their series, and dropped ones go back to the waiting list.
    public func saveTimetable(_ t: WeekTimetable, keepPublished: Bool, stamp: Stamp) throws {
        try write { db in
            let week = t.weekStart
            let existing = try TimetableRow.fetchOne(db, key: week)
            let published = existing?.status == .published
            if published, !keepPublished { throw StoreError.conflict("the week of \(week) is published; re-plan it instead") }
            let revision = existing.map { $0.revision + 1 } ?? 0
            var row = try timetableRow(t, existing, revision: revision, stamp)
            row.basedOnAudit = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit_log") ?? 0
            try row.save(db)
            let (removed, added) = try replaceBookings(db, t, published: published, revision: revision)
            try db.execute(sql: "DELETE FROM unbooked WHERE week_start = ?", arguments: [week])
            for u in t.unbooked { try UnbookedRow(weekStart: week, referralId: u.referral, code: u.code, reason: u.reason).insert(db) }
            if published {
                for b in removed where !added.contains(where: { $0.referralId == b.referralId }) { try db.unstartSeries(b, stamp) }
                for b in added { _ = try db.startSeries(b, stamp) }
                try OutboxStore.visitsChanged(db, week: week, removed: removed, added: added, stamp: stamp)
            } else {
                let notice = Notice.weekPlanned(week: week, sessions: t.bookings.count, unbooked: t.unbooked.count)
                try OutboxStore.enqueue(db, kind: "week_planned", notice, to: try OutboxStore.holders(db, role: "leader"), stamp: stamp)
                try OutboxStore.announce(db, kind: "week_planned", notice, stamp: stamp)
            }
            try db.audit(
                stamp, existing == nil ? "schedule" : "replan", "timetable", week.description,
                [
                    "bookings": "\(t.bookings.count)", "unbooked": "\(t.unbooked.count)", "moved": "\(removed.count)",
                    "revision": "\(revision)",
                ])
        }
    }

    /// Swaps the week's bookings for `t`'s, touching only those that changed. Returns the rows
    /// removed and added.
    private func replaceBookings(_ db: Database, _ t: WeekTimetable, published: Bool, revision: Int) throws
        -> (removed: [BookingRow], added: [BookingRow])
    {
        let week = t.weekStart
        let before = try BookingRow.filter(BookedSlot.Columns.weekStart == week).fetchAll(db)
        let after = t.bookings.map { BookingRow(week: t.weekStart, $0) }
        let removed = before.filter { b in !after.contains { $0.sameSlot(b) } }
        let added = after.filter { a in !before.contains { $0.sameSlot(a) } }
        if let lost = removed.first(where: { $0.outcome != nil }) {
            throw StoreError.conflict(
                "the new plan would remove referral \(lost.referralId)'s session of \(lost.slot.date), recorded as \(lost.outcome!.rawValue); recorded sessions stay as they are"
            )
        }
        for b in removed {
            _ = try b.delete(db)
            if published { try CancelledRow(b, revision: revision).insert(db) }
        }
        for a in added {
            try db.execute(
                sql: "DELETE FROM cancelled_booking WHERE week_start = ? AND referral_id = ? AND day = ? AND start = ? AND specialist_id = ?",
                arguments: [week, a.referralId, a.slot.day, a.slot.start, a.slot.specialistId])
            var inserted = a
            try inserted.insert(db)
        }
        return (removed, added)
    }

    private func timetableRow(_ t: WeekTimetable, _ existing: TimetableRow?, revision: Int, _ stamp: Stamp) throws -> TimetableRow {
        let stats = t.plan.statistics
        return TimetableRow(
            weekStart: t.weekStart, status: existing?.status ?? .draft,
            scenario: String(decoding: try t.scenario.jsonData(), as: UTF8.self), plan: String(decoding: try t.plan.jsonData(), as: UTF8.self),
            servedPriority: stats?.servedPriority ?? 0, travelMin: stats?.travelMinutes ?? 0, createdAt: stamp.iso,
            publishedAt: existing?.publishedAt, revision: revision, basedOnAudit: 0)
    }

    /// The Mondays of the published weeks from `from` to `to` (both Mondays, inclusive), in order.
    public func publishedWeeks(from: CalendarDate, to: CalendarDate) throws -> [CalendarDate] {
        try read { db in
            try TimetableRow.select(TimetableRow.Columns.weekStart, as: CalendarDate.self)
                .filter(TimetableRow.Columns.status == WeekStatus.published && (from...to).contains(TimetableRow.Columns.weekStart))
                .order(TimetableRow.Columns.weekStart).fetchAll(db)
        }
    }

    /// The stored timetable of a week, or `nil` if none was generated.
    public func timetable(week: CalendarDate) throws -> WeekTimetable? {
        try read { db in
            guard let row = try TimetableRow.fetchOne(db, key: week) else { return nil }
            let bookings = try BookingRow.filter(BookedSlot.Columns.weekStart == week).order(Column("id")).fetchAll(db)
            let unbooked = try UnbookedRow.filter(UnbookedRow.Columns.weekStart == week).order(UnbookedRow.Columns.referralId).fetchAll(db)
            let cancelled = try CancelledRow.filter(BookedSlot.Columns.weekStart == week).order(Column("id")).fetchAll(db)
            var outcomes: [Int64: SessionOutcome] = [:]
            for b in bookings { if let o = b.outcome { outcomes[b.referralId] = o } }
            var t = WeekTimetable(
                weekStart: week, published: row.status == .published,
                scenario: try WeekScenario.decode(Data(row.scenario.utf8)), plan: try WeekPlan.decode(Data(row.plan.utf8)),
                bookings: bookings.map(\.slot.booking), unbooked: unbooked.map { ($0.referralId, $0.code, $0.reason) },
                outcomes: outcomes)
            t.revision = row.revision
            t.cancelled = cancelled.map { CancelledBooking(booking: $0.slot.booking, revision: $0.revision) }
            return t
        }
    }
}
