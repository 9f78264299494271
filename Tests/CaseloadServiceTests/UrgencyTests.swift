import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// Urgent cases get in: with the shipped settings, an urgent safeguarding counselling referral made
/// on a Monday, after weeks in which running blocks have filled the counsellors' time, is booked
/// within its two-week target; urgent first sessions come before routine ones.
@Suite struct UrgencyTests {
    let leader = Identity(tokenId: 1, role: .leader)

    /// Plans the week of `monday` on the Thursday before at 16:00, publishes it, and records every
    /// session as delivered on its day.
    func live(_ db: AppDatabase, _ monday: CalendarDate, _ rules: TrustConfig) throws -> WeekTimetable {
        let thursday = Moment(date: monday.adding(days: -4), minutes: 16 * 60)
        let planning = WeekPlanning(db: db, config: rules, options: PlannerOptions(seed: 3, iterations: 150))
        let t = try planning.plan(monday, replan: false, by: leader, now: thursday, stamp: stamp).timetable
        try db.timetables.publish(week: monday, stamp: stamp)
        try deliver(db, t, rules)
        return t
    }

    /// Records every session of `t` as delivered on its day.
    func deliver(_ db: AppDatabase, _ t: WeekTimetable, _ rules: TrustConfig) throws {
        for (day, bookings) in Dictionary(grouping: t.bookings, by: \.day) {
            let date = t.weekStart.adding(days: day.index)
            let entries = bookings.map { OutcomeEntry(referral: $0.referral, outcome: .delivered) }
            _ = try db.timetables.recordOutcomes(day: date, entries, today: date, config: rules, stamp: stamp)
        }
    }

    /// The counselling referral a SENCO makes on the Monday of the second week lived.
    func urgentReferral(_ db: AppDatabase, on monday: CalendarDate) throws -> Referral {
        let school = try #require(try db.roster.schools().first).urn
        let fields: [(String, JSONValue)] = [
            ("school", .string(school)), ("pupil_ref", .string("U2026-0001")), ("year_group", .number(9)),
            ("service", .string("COUNSELLING")), ("area", .string("semh")), ("severity", .number(5)),
            ("flags", .array([.string("safeguarding"), .string("looked_after")])), ("apdr_cycles", .number(2)),
            ("consent", .bool(true)), ("reason", .string("disclosure at school; needs support now")),
        ]
        let r = try ReferralIntake(db: db, config: config).submit(fields, from: .caller(leader), today: monday, stamp: stamp)
        #expect(r.status == .waiting && r.band == "urgent", "\(r.band)")
        return r
    }

    func bookedWithinTarget(_ rules: TrustConfig) throws -> Bool {
        let db = try demoTrust()
        _ = try live(db, week1, rules)
        let second = week1.adding(days: 7)
        let urgent = try urgentReferral(db, on: second)
        _ = try live(db, second, rules)
        let third = try live(db, second.adding(days: 7), rules)
        return third.bookings.contains { $0.referral == urgent.id }  // the target is 2 weeks from the Monday it was made
    }

    @Test func anUrgentReferralMadeOnAMondayIsBookedWithinItsTarget() throws {
        #expect(try bookedWithinTarget(config))
    }

    /// The demo's counselling weeks are tight: without the urgency rule (no reserve, no urgent
    /// band) the same referral waits behind the running blocks and misses its target.
    @Test func withoutTheUrgencyRuleTheSameReferralWouldWait() throws {
        var without = config
        without.urgency = UrgencyRule(bands: [], reservePercent: 0)
        #expect(try !bookedWithinTarget(without))
    }

    @Test func urgentFirstSessionsComeFirstAndRoutineBlocksLeaveTheReserve() throws {
        let db = try demoTrust()
        let t = try live(db, week1, config)
        let reserved = t.unbooked.filter { $0.code == "reserve" }
        let counselling = try db.referrals.all(service: "COUNSELLING").map(\.id)
        let sessions = t.scenario.sessions.filter { s in counselling.contains { "r\($0)" == s.referral } }
        let firsts = sessions.filter { $0.id.hasSuffix("-s1") }
        let urgent = Set(try db.referrals.all(service: "COUNSELLING").filter { $0.band == "urgent" }.map { "r\($0.id)" })
        let lowestUrgent = firsts.filter { urgent.contains($0.referral) }.map(\.priority).min() ?? 100
        let highestRoutine = firsts.filter { !urgent.contains($0.referral) }.map(\.priority).max() ?? 0
        #expect(lowestUrgent > highestRoutine, "urgent first sessions outrank routine ones")
        #expect(reserved.allSatisfy { $0.reason.contains("15%") })
    }

    /// Continuity: a week that cannot hold a running block (its counsellor is away all week) says
    /// which pupils' blocks are interrupted and why, and those blocks have first claim the week
    /// after, before the other running blocks.
    @Test func anInterruptedBlockIsNamedAndHasFirstClaimNextWeek() throws {
        let db = try demoTrust()
        let first = try live(db, week1, config)
        let counselling = Set(try db.referrals.all(service: "COUNSELLING").map(\.id))
        let away = try #require(first.bookings.first { counselling.contains($0.referral) }).specialist
        let second = week1.adding(days: 7)
        try db.calendar.addLeave(specialist: away, from: second, to: second.adding(days: 4), reason: "sick", stamp: stamp)
        let planning = WeekPlanning(db: db, config: config, options: PlannerOptions(seed: 3, iterations: 150))
        let result = try planning.plan(second, replan: false, by: leader, now: Moment(date: second.adding(days: -4), minutes: 960), stamp: stamp)
        let theirs = Set(first.bookings.filter { $0.specialist == away }.map(\.referral))
        #expect(!result.interrupted.isEmpty)
        #expect(Set(result.interrupted.map(\.referral)) == theirs, "every one of the absent counsellor's blocks, and no other")
        #expect(result.interrupted.allSatisfy { !$0.reason.isEmpty })
        let report = WeekReport(
            result.timetable, referrals: Dictionary(uniqueKeysWithValues: try db.referrals.all().map { ($0.id, $0) }),
            waiting: [], schools: try db.roster.schools(), config: config)
        #expect(Set(report.interrupted.map(\.referral)) == theirs)
        try db.timetables.publish(week: second, stamp: stamp)
        try deliver(db, result.timetable, config)
        let third = try planning.plan(
            second.adding(days: 7), replan: false, by: leader, now: Moment(date: second.adding(days: 3), minutes: 960), stamp: stamp)
        let claims = third.timetable.scenario.sessions.filter { s in theirs.contains { "r\($0)" == s.referral } }
        #expect(!claims.isEmpty && claims.allSatisfy { $0.priority == 94 }, "\(claims.map(\.priority))")
        #expect(third.timetable.scenario.sessions.filter { $0.priority == 94 }.count == claims.count)
    }
}
