import CaseloadCore
import Foundation
import GRDB

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

    /// A week's timetable from its parts.
    public init(weekStart: CalendarDate, published: Bool, scenario: WeekScenario, plan: WeekPlan, bookings: [Booking],
                unbooked: [(referral: Int64, code: String, reason: String)], outcomes: [Int64: SessionOutcome]) {
        self.weekStart = weekStart; self.published = published; self.scenario = scenario; self.plan = plan
        self.bookings = bookings; self.unbooked = unbooked; self.outcomes = outcomes
    }
}

extension AppDatabase {
    /// Everything the week's demand is built from, as of the week's Monday.
    public func weekInput(week: CalendarDate, config: TrustConfig) throws -> WeekDemand.Input {
        let waiting = try waitingList(config: config, today: week)
        return try read { db in
            let active = try ReferralRow.filter(Column("status") == ReferralStatus.active.rawValue).fetchAll(db).map(\.referral)
            let series = Dictionary(uniqueKeysWithValues: try SeriesRow.fetchAll(db).map { ($0.referralId, $0.series) })
            let leave = try AppDatabase.leave(db, from: week, to: week.adding(days: 6))
            return WeekDemand.Input(
                weekStart: week, config: config, schools: try SchoolRow.order(Column("urn")).fetchAll(db).map(\.record),
                roster: try SpecialistRow.order(Column("id")).fetchAll(db).map(\.specialist), leave: leave, waiting: waiting,
                active: active.compactMap { r in series[r.id].map { (r, $0) } })
        }
    }

    /// Stores a week's plan: a new draft, or (`keepPublished`) the re-plan of a published week.
    /// Replaces the week's bookings and reasons in one transaction.
    public func saveTimetable(_ t: WeekTimetable, keepPublished: Bool, stamp: Stamp) throws {
        try write { db in
            let week = t.weekStart.description
            let existing = try TimetableRow.fetchOne(db, key: week)
            if existing?.status == "published", !keepPublished {
                throw StoreError.conflict("the week of \(week) is published; re-plan it with `caseload schedule --week \(week) --replan`")
            }
            try db.execute(sql: "DELETE FROM booking WHERE week_start = ?", arguments: [week])
            try db.execute(sql: "DELETE FROM unbooked WHERE week_start = ?", arguments: [week])
            let stats = t.plan.statistics
            try TimetableRow(weekStart: week, status: existing?.status ?? "draft", scenario: String(decoding: try t.scenario.jsonData(), as: UTF8.self),
                             plan: String(decoding: try t.plan.jsonData(), as: UTF8.self), servedPriority: stats?.servedPriority ?? 0,
                             travelMin: stats?.travelMinutes ?? 0, createdAt: stamp.iso, publishedAt: existing?.publishedAt).save(db)
            for b in t.bookings { try BookingRow(week: t.weekStart, b).insert(db) }
            for u in t.unbooked { try UnbookedRow(weekStart: week, referralId: u.referral, code: u.code, reason: u.reason).insert(db) }
            try db.audit(stamp, existing == nil ? "schedule" : "replan", "timetable", week,
                         ["bookings": "\(t.bookings.count)", "unbooked": "\(t.unbooked.count)"])
        }
    }

    /// The stored timetable of a week, or `nil` if none was generated.
    public func timetable(week: CalendarDate) throws -> WeekTimetable? {
        try read { db in
            guard let row = try TimetableRow.fetchOne(db, key: week.description) else { return nil }
            let bookings = try BookingRow.filter(Column("week_start") == row.weekStart).order(Column("id")).fetchAll(db)
            let unbooked = try UnbookedRow.filter(Column("week_start") == row.weekStart).order(Column("referral_id")).fetchAll(db)
            let outcomes = Dictionary(uniqueKeysWithValues: bookings.compactMap { b in b.outcome.flatMap(SessionOutcome.init).map { (b.referralId, $0) } })
            return WeekTimetable(weekStart: week, published: row.status == "published",
                                 scenario: try WeekScenario.decode(Data(row.scenario.utf8)), plan: try WeekPlan.decode(Data(row.plan.utf8)),
                                 bookings: bookings.map(\.booking), unbooked: unbooked.map { ($0.referralId, $0.code, $0.reason) },
                                 outcomes: outcomes)
        }
    }
}
