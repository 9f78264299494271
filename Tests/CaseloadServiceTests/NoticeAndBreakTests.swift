import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// Two rules of the trust's practice: a lunch break in every full working day unless a roster
/// row says otherwise, and no new booking closer than the trust's notice unless a leader approves.
@Suite struct NoticeAndBreakTests {
    @Test func everyFullDayHasTheTrustsBreakAndThePlanKeepsIt() throws {
        let db = try demoTrust()
        let t = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp).timetable
        let days = t.scenario.specialists.flatMap(\.days)
        #expect(!days.isEmpty)
        for day in days {
            let full = day.start <= PlanningRule.standardBreak.earliest && PlanningRule.standardBreak.latestEnd <= day.end
            #expect((day.rest == PlanningRule.standardBreak) == full, "\(day)")
        }
        let checked = try check(t)
        #expect(checked["valid"] as? Bool == true, "\(checked)")
    }

    @Test func aRosterRowMayTurnTheBreakOffOrSetItsOwn() {
        let nine = ClockTime(minutes: 540)
        let five = ClockTime(minutes: 1020)
        let rule = PlanningRule()
        let plain = WorkingDay(day: .mon, start: nine, end: five)
        #expect(rule.withBreak(plain).rest == PlanningRule.standardBreak)
        var none = plain
        none.rest = DayBreak(minutes: 0, earliest: nine, latestEnd: nine)
        #expect(rule.withBreak(none).rest == nil)
        var own = plain
        own.rest = DayBreak(minutes: 45, earliest: ClockTime(minutes: 690), latestEnd: ClockTime(minutes: 840))
        #expect(rule.withBreak(own).rest == own.rest)
        let morning = WorkingDay(day: .mon, start: nine, end: ClockTime(minutes: 750))
        #expect(rule.withBreak(morning).rest == nil, "a morning's work has no lunch break")
        #expect(PlanningRule(lunchBreak: nil).withBreak(plain).rest == nil)
    }

    @Test func noNewBookingInsideTheNoticeUnlessALeaderApproves() throws {
        let friday = Moment(date: week1.adding(days: -3), minutes: 10 * 60)  // Monday is 1 school day away
        let db = try demoTrust()
        let t = try scheduler(db).schedule(week: week1, replan: false, now: friday, stamp: stamp).timetable
        #expect(!t.bookings.isEmpty && !t.bookings.contains { $0.day == .mon })
        let approved = try demoTrust()
        let leader = Identity(tokenId: 1, role: .leader)
        let planning = WeekPlanning(db: approved, config: config, options: PlannerOptions(seed: 3, iterations: 150))
        let early = try planning.plan(week1, replan: false, by: leader, now: friday, shortNotice: true, stamp: stamp).timetable
        #expect(early.bookings.contains { $0.day == .mon })
        #expect(try approved.auditLog(entity: "timetable").contains { $0.action == "approve_short_notice" })
    }

    @Test func aRePlanAddsNoBookingInsideTheNotice() throws {
        let db = try demoTrust()
        let before = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp).timetable
        try db.timetables.publish(week: week1, stamp: stamp)
        let absent = try #require(before.bookings.first { $0.day == .wed }).specialist
        try db.calendar.addLeave(specialist: absent, from: week1.adding(days: 2), to: week1.adding(days: 2), reason: "sick", stamp: stamp)
        let mondayMorning = Moment(date: week1, minutes: 7 * 60 + 45)  // Tuesday is 1 school day away, Wednesday 2
        let after = try scheduler(db).schedule(week: week1, replan: true, now: mondayMorning, stamp: stamp).timetable
        let added = after.bookings.filter { !before.bookings.contains($0) }
        #expect(!added.contains { $0.day == .mon || $0.day == .tue }, "\(added.filter { $0.day <= .tue })")
        #expect(after.bookings.filter { $0.day <= .tue }.allSatisfy(before.bookings.contains), "Monday's and Tuesday's bookings stay as published")
        let checked = try check(after)
        #expect(checked["valid"] as? Bool == true, "\(checked)")
    }

    @Test func noticeIsCountedInSchoolDays() {
        let calendar = config.calendar
        let thursday = week1.adding(days: -4)
        #expect(calendar.schoolDays(after: thursday, through: week1) == 2, "Friday and Monday")
        let days = WeeklyScheduler.noticeDays(week: week1, today: week1.adding(days: -3), notice: 2, calendar: calendar)
        #expect(days == [.tue, .wed, .thu, .fri, .sat, .sun].reduce(into: Set<Weekday>()) { $0.insert($1) })
    }
}
