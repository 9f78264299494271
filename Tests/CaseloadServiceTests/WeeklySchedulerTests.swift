import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@Suite struct WeeklySchedulerTests {
    /// The weekly job searches for the trust's `planning.search_seconds`, unless the caller fixes
    /// the search's length (iterations, or a time limit of its own), or the trust sets 0.
    @Test func weeklyJobSearchesForTheTrustsSeconds() throws {
        var trust = config
        trust.planning.searchSeconds = 4
        let chosen = WeekPlanning(db: try demoTrust(), config: trust).scheduler.options
        #expect(chosen.anytime && chosen.timeLimit == 4 && chosen.iterations == nil)
        let fixed = WeekPlanning.weeklyJob(PlannerOptions(iterations: 50), trust.planning)
        #expect(!fixed.anytime && fixed.iterations == 50)
        var own = PlannerOptions(timeLimit: 9)
        own.anytime = true
        #expect(WeekPlanning.weeklyJob(own, trust.planning).timeLimit == 9)
        #expect(!WeekPlanning.weeklyJob(PlannerOptions(), PlanningRule(searchSeconds: 0)).anytime)
        var anytime = PlannerOptions()
        anytime.anytime = true
        #expect(!WaitingProjection(db: try demoTrust(), config: trust, options: anytime).options.anytime, "projections stop on their own")
    }

    @Test func storedWeekPassesTheCheckerOnItsExportedScenario() throws {
        let db = try demoTrust()
        let result = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        let stored = try #require(try db.timetables.timetable(week: week1))
        #expect(stored.bookings == result.timetable.bookings)
        #expect(!stored.bookings.isEmpty)
        let verdict = try check(stored)
        #expect(verdict["valid"] as? Bool == true, "\(verdict["violations"] ?? [])")
        let waiting = try db.referrals.all(statuses: [.waiting]).map(\.id)
        let explained = Set(stored.bookings.map(\.referral) + stored.unbooked.map(\.referral))
        #expect(waiting.allSatisfy(explained.contains))  // every waiting referral is booked or has a reason
    }

    @Test func seriesAdvancesWeeklyWithTheSameSpecialistAndWeekday() throws {
        let db = try demoTrust()
        let s = scheduler(db)
        _ = try s.schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        let first = try #require(
            try db.timetables.timetable(week: week1)?.bookings.first { b in
                (try? db.referrals.find(b.referral).request.service) == "COUNSELLING" && b.sessionNumber == 1
            })
        #expect(try db.referrals.find(first.referral).status == .active)
        try db.timetables.recordOutcome(
            week: week1, referral: first.referral, outcome: .delivered, today: week1.adding(days: 4), config: config, stamp: stamp)
        #expect(try db.timetables.series(first.referral)?.sessionsDone == 1)
        let week2 = week1.adding(days: 7)
        _ = try s.schedule(week: week2, replan: false, stamp: stamp)
        let second = try #require(try db.timetables.timetable(week: week2)?.bookings.first { $0.referral == first.referral })
        #expect(second.sessionNumber == 2)
        #expect(second.specialist == first.specialist)
        #expect(second.day == first.day)
    }

    @Test func missedSessionIsOfferedAgainNextWeek() throws {
        let db = try demoTrust()
        let s = scheduler(db)
        _ = try s.schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        let b = try #require(
            try db.timetables.timetable(week: week1)?.bookings.first { (try? db.referrals.find($0.referral).request.service) == "SALT" })
        try db.timetables.recordOutcome(
            week: week1, referral: b.referral, outcome: .pupilAbsent, today: week1.adding(days: 4), config: config, stamp: stamp)
        _ = try s.schedule(week: week1.adding(days: 7), replan: false, stamp: stamp)
        let again = try db.timetables.timetable(week: week1.adding(days: 7))!
        let offered = again.scenario.sessions.first { $0.referral == "r\(b.referral)" }
        #expect(offered?.id == "r\(b.referral)-s1")
        #expect(offered?.specialist == b.specialist)
    }

    @Test func publishThenReplanAfterLeaveMovesOnlyTheAffectedBookings() throws {
        let db = try demoTrust()
        let s = scheduler(db)
        _ = try s.schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        let before = try db.timetables.timetable(week: week1)!.bookings
        let busiest = Dictionary(grouping: before, by: { "\($0.specialist) \($0.day.rawValue)" }).max { $0.value.count < $1.value.count }!.value[0]
        let tuesday = week1.adding(days: busiest.day.index)
        try db.calendar.addLeave(specialist: busiest.specialist, from: tuesday, to: tuesday, reason: "ill", stamp: stamp)
        let result = try s.schedule(week: week1, replan: true, stamp: stamp)
        let affected = before.filter { $0.specialist == busiest.specialist && $0.day == busiest.day }
        let unaffected = before.filter { !($0.specialist == busiest.specialist && $0.day == busiest.day) }
        let after = Dictionary(uniqueKeysWithValues: result.timetable.bookings.map { ($0.referral, $0) })
        #expect(unaffected.allSatisfy { after[$0.referral] == $0 })
        #expect(Set(result.moved.map(\.before.referral)) == Set(affected.map(\.referral)))
        #expect(!result.timetable.bookings.contains { $0.specialist == busiest.specialist && $0.day == busiest.day })
        #expect(try db.timetables.timetable(week: week1)?.published == true)
        #expect(try check(result.timetable)["valid"] as? Bool == true)
    }

    @Test func statutoryDeadlineIsBookedAheadOfHigherAgeingScores() throws {
        let db = try AppDatabase.inMemory()
        let urn = "100001"
        try db.roster.importSchools(
            [
                SchoolRecord(
                    urn: urn, name: "Alpha", phase: "Primary", location: GeoPoint(lat: 51.4, lon: 0.1),
                    pupils: 300, ehcPlans: 5, senSupport: 40)
            ], stamp: stamp)
        let ep = Specialist(
            id: "ep-1", service: "EP", skills: [], base: GeoPoint(lat: 51.4, lon: 0.1), maxTravelMinPerDay: nil,
            maxSchoolsPerDay: nil, days: [WorkingDay(day: .mon, start: ClockTime("09:00")!, end: ClockTime("12:30")!)])
        try db.roster.importSpecialists([RosterEntry(specialist: ep, baseSchool: urn)], stamp: stamp)
        let t = Threshold(config)
        func add(_ pupil: String, severity: Int, flags: ReferralFlags, received: String) throws -> Referral {
            let r = ReferralRequest(
                school: urn, pupilRef: pupil, yearGroup: 3, service: "EP", area: .cognitionAndLearning, severity: severity,
                flags: flags, apdrCycles: 2, consent: true, reason: "", receivedOn: CalendarDate(received)!)
            return try db.referrals.submit(r, decision: t.evaluate(r), stamp: stamp)
        }
        _ = try add("P-1", severity: 5, flags: ReferralFlags(safeguarding: true), received: "2026-05-04")  // 65 + 45 ageing
        _ = try add("P-2", severity: 5, flags: ReferralFlags(ehcPlan: true), received: "2026-05-04")
        let statutory = try add("P-3", severity: 1, flags: ReferralFlags(ehcNeedsAssessment: true), received: "2026-10-21")
        let result = try WeeklyScheduler(db: db, config: config, options: PlannerOptions(iterations: 50)).schedule(
            week: week1, replan: false, stamp: stamp)
        #expect(result.timetable.bookings.map(\.referral) == [statutory.id])  // one 180-minute slot this week
    }
}
