import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// Half days away: a morning away books nothing before 12:30 that day and keeps the afternoon; an
/// absence is listed, corrected and withdrawn, each answer naming the week to re-plan.
@Suite struct HalfDayAbsenceTests {
    let leader = Identity(tokenId: 1, role: .leader)

    func plan(_ db: AppDatabase) throws -> WeekTimetable {
        let planning = WeekPlanning(db: db, config: config, options: PlannerOptions(seed: 3, iterations: 150))
        return try planning.plan(week1, replan: false, by: leader, now: Moment(date: week1.adding(days: -4), minutes: 960), stamp: stamp).timetable
    }

    @Test func aMorningAwayKeepsTheAfternoon() throws {
        let db = try demoTrust()
        let before = try plan(db)
        let busy = Dictionary(grouping: before.bookings.filter { $0.day == .tue }, by: \.specialist)
        let (who, tuesday) = try #require(busy.max { $0.value.count < $1.value.count })
        #expect(tuesday.contains { $0.start < DayPart.noon } && tuesday.contains { $0.end > DayPart.noon }, "a full Tuesday")
        let reporting = AbsenceReporting(db: db)
        let done = try reporting.report(
            who, from: week1.adding(days: 1), to: week1.adding(days: 1), part: .morning, reason: "dentist", by: leader, today: week1.adding(days: -4),
            stamp: stamp)
        #expect(done.bookedSessions == 0, "the week is a draft")
        let after = try plan(db).bookings.filter { $0.specialist == who && $0.day == .tue }
        #expect(!after.isEmpty && after.allSatisfy { $0.start >= DayPart.noon }, "\(after.map(\.start))")
        let scenario = try #require(try db.timetables.timetable(week: week1)).scenario
        let day = try #require(scenario.specialists.first { $0.id == who }?.days.first { $0.day == .tue })
        #expect(day.start == DayPart.noon && day.rest == nil, "half a day has no lunch break")
        let spanning = try #require(throws: StoreError.self) {
            try reporting.report(who, from: week1, to: week1.adding(days: 1), part: .afternoon, reason: "x", by: leader, today: week1, stamp: stamp)
        }
        #expect(spanning.description.contains("one day"))
    }

    @Test func anAbsenceIsListedCorrectedAndWithdrawn() throws {
        let db = try demoTrust()
        _ = try plan(db)
        try db.timetables.publish(week: week1, stamp: stamp)
        let t = try #require(try db.timetables.timetable(week: week1))
        let who = try #require(t.bookings.first { $0.day == .wed }).specialist
        let reporting = AbsenceReporting(db: db)
        let wednesday = week1.adding(days: 2)
        let reported = try reporting.report(who, from: wednesday, to: wednesday, reason: "ill", by: leader, today: week1, stamp: stamp)
        #expect(reported.bookedSessions == t.bookings.filter { $0.specialist == who && $0.day == .wed }.count && reported.weeks == [week1])
        let own = Identity(tokenId: 2, role: .specialist(id: who))
        let listed = try reporting.list(nil, by: own)
        #expect(listed.count == 1 && listed[0].leave.specialist == who)
        let other = Identity(tokenId: 3, role: .specialist(id: "someone-else"))
        #expect(throws: AccessDenied.self) { try reporting.withdraw(listed[0].id, reason: "not mine", by: other, stamp: stamp) }
        let corrected = try reporting.correct(
            listed[0].id, from: wednesday, to: wednesday, part: .afternoon, reason: "ill from lunch", by: own, today: week1, stamp: stamp)
        #expect(corrected.bookedSessions <= reported.bookedSessions && corrected.weeks == [week1])
        #expect(try reporting.list(who, by: leader).first?.leave.part == .afternoon)
        let withdrawn = try reporting.withdraw(listed[0].id, reason: "came in", by: own, stamp: stamp)
        #expect(withdrawn.weeks == [week1] || withdrawn.bookedSessions == 0)
        #expect(try reporting.list(who, by: leader).isEmpty)
        let log = try db.auditLog(entity: "specialist", id: who).map(\.action)
        #expect(log.contains("leave") && log.contains("correct_leave") && log.contains("withdraw_leave"))
    }
}
