import CaseloadCore
import CaseloadStore
import CaseloadTestSupport
import Foundation
import GRDB
import Testing

/// Every table read back typed: a corrupted date, time, status, day or flag is an error naming the
/// table, the row and the column, never a default and never a row quietly skipped.
@Suite struct UnreadableRowTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let table: String
        let column: String
        /// Corrupts one row (SQL run on the demo trust, with its specialist `ep-1` and a referral).
        let corrupt: @Sendable (Target) -> String
        /// Reads the table through the store's public API.
        let read: @Sendable (AppDatabase, Target) throws -> Void
        var testDescription: String { "\(table).\(column)" }
    }

    /// The demo trust's first referral and its school.
    struct Target: Sendable {
        let id: Int64
        let school: String
    }

    static let week = CalendarDate("2026-11-30")!
    static let cases: [Case] = [
        Case(
            table: "referral", column: "status", corrupt: { t in "UPDATE referral SET status = 'lost' WHERE id = \(t.id)" },
            read: {
                _ = try $0.referrals.find($1.id)
            }),
        Case(
            table: "referral", column: "received_on", corrupt: { t in "UPDATE referral SET received_on = '2026-13-01' WHERE id = \(t.id)" },
            read: { db, _ in
                _ = try db.referrals.all()
            }),
        Case(
            table: "referral", column: "area", corrupt: { t in "UPDATE referral SET area = 'telepathy' WHERE id = \(t.id)" },
            read: {
                _ = try $0.referrals.find($1.id)
            }),
        Case(
            table: "referral", column: "flags", corrupt: { t in "UPDATE referral SET flags = 'ehc_plan,vip' WHERE id = \(t.id)" },
            read: {
                _ = try $0.referrals.find($1.id)
            }),
        Case(
            table: "referral", column: "preferred_days", corrupt: { t in "UPDATE referral SET preferred_days = 'mon,funday' WHERE id = \(t.id)" },
            read: {
                _ = try $0.referrals.find($1.id)
            }),
        Case(
            table: "referral_status", column: "to_status",
            corrupt: { t in "UPDATE referral_status SET to_status = 'gone' WHERE referral_id = \(t.id)" },
            read: {
                _ = try $0.referrals.history($1.id)
            }),
        Case(
            table: "specialist_leave", column: "first_day",
            corrupt: { t in
                "INSERT INTO specialist_leave (specialist_id, first_day, last_day, reason) VALUES ('ep-1', '2026-02-30', '2026-12-01', 'sick')"
            }, read: { db, _ in _ = try db.calendar.leave(from: week, to: week.adding(days: 6)) }),
        Case(
            table: "specialist", column: "pattern",
            corrupt: { t in "UPDATE specialist SET pattern = 'mon 08:30-16:30; tue 8:30-12' WHERE id = 'ep-1'" },
            read: { db, _ in
                _ = try db.roster.specialists()
            }),
        Case(
            table: "closure", column: "from_date",
            corrupt: { t in
                "INSERT INTO closure (school_urn, from_date, to_date, reason, created_at, created_by) VALUES (NULL, 'soon', 'zzz', 'x', '', '')"
            }, read: { db, _ in _ = try db.calendar.closures() }),
        Case(
            table: "school", column: "hours", corrupt: { "UPDATE school SET hours = 'whenever' WHERE urn = '\($0.school)'" },
            read: { db, _ in
                _ = try db.roster.schools()
            }),
        Case(
            table: "timetable", column: "status", corrupt: { _ in timetable("half") }, read: { db, _ in _ = try db.timetables.timetable(week: week) }),
        Case(
            table: "booking", column: "start", corrupt: { timetable("draft") + ";" + booking($0.school, start: "25:00") },
            read: { db, _ in
                _ = try db.timetables.timetable(week: week)
            }),
        Case(
            table: "booking", column: "outcome", corrupt: { timetable("draft") + ";" + booking($0.school, outcome: "'maybe'") },
            read: { db, _ in
                _ = try db.timetables.timetable(week: week)
            }),
        Case(
            table: "series", column: "weekday",
            corrupt: { t in "INSERT OR REPLACE INTO series (referral_id, specialist_id, weekday, sessions_done) VALUES (\(t.id), 'ep-1', 'funday', 0)"
            }, read: { _ = try $0.timetables.series($1.id) }),
        Case(
            table: "token", column: "role",
            corrupt: { t in
                "INSERT INTO token (hash, role, label, created_at) VALUES ('\(Hashing.sha256Hex("cl_secret"))', 'boss', 'x', '2026-01-01')"
            }, read: { db, _ in _ = try db.access.identity(secret: "cl_secret") }),
        Case(
            table: "calendar_feed", column: "created_at",
            corrupt: { t in "INSERT INTO calendar_feed (specialist, hash, created_at) VALUES ('ep-1', 'h', X'FF')" },
            read: { db, _ in _ = try db.access.calendarFeed(specialist: "ep-1") }),
        Case(
            table: "audit_log", column: "detail",
            corrupt: { t in "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES ('', 'x', 'x', 'zz', '1', X'FF')" },
            read: { db, _ in _ = try db.auditLog(entity: "zz") }),
        Case(
            table: "projection_run", column: "made_on",
            corrupt: { t in "INSERT OR REPLACE INTO projection_run (id, made_on, weeks) VALUES (1, 'yesterday', '')" },
            read: { db, _ in _ = try db.referrals.projection(today: week) }),
    ]

    static func timetable(_ status: String) -> String {
        """
        INSERT INTO timetable (week_start, status, scenario, plan, served_priority, travel_min, created_at, revision, based_on_audit)
        VALUES ('2026-11-30', '\(status)', '{}', '{}', 0, 0, '', 0, 0)
        """
    }

    static func booking(_ school: String, start: String = "09:00", outcome: String = "NULL") -> String {
        """
        INSERT INTO booking (week_start, referral_id, session_number, specialist_id, day, start, "end", school_urn, outcome)
        VALUES ('2026-11-30', (SELECT MIN(id) FROM referral), 1, 'ep-1', 'mon', '\(start)', '10:00', '\(school)', \(outcome))
        """
    }

    @Test(arguments: cases) func aCorruptedValueIsAnErrorNamingItsRow(_ c: Case) throws {
        let connected = try Connected.copy(of: demoTrust())
        let db = connected.db
        let first = try #require(try db.referrals.all().first)
        let target = Target(id: first.id, school: first.request.school)
        try connected.raw.write { try $0.execute(sql: c.corrupt(target)) }
        let error = try #require(throws: StoreError.self) { try c.read(db, target) }
        #expect(error.description.hasPrefix("\(c.table) "), "\(error)")
        #expect(error.description.contains("unreadable \(c.column) "), "\(error)")
        #expect(error.next == .restoreBackup)
    }

    @Test func aCorrectionThatDeclinesGoesThroughTheStatusRules() throws {
        let db = try demoTrust()
        let waiting = try #require(try db.referrals.all(statuses: [.waiting]).first)
        var request = waiting.request
        request.consent = false
        let declined = try db.referrals.update(
            waiting.id, to: request, decision: .declined(score: 0, reasons: ["no consent"]), note: "corrected", stamp: testStamp)
        #expect(declined.status == .declined)
        #expect(try db.referrals.history(waiting.id).last.map { ($0.from, $0.to) } ?? (nil, .waiting) == (.waiting, .declined))
        #expect(StatusChange.correctionMayMove(from: .waiting, to: .declined))
        #expect(!StatusChange.correctionMayMove(from: .declined, to: .waiting))
    }
}
