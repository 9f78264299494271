import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// First-week promises that hold: made by rolling the list forward with the planner itself.
@Suite struct PromiseTests {
    @Test func theProjectionPromisesTheWeekThePlannerBooksAndLeavesTheDatabaseAlone() throws {
        let db = try demoTrust()
        let sunday = week1.adding(days: -1)
        var projection = WaitingProjection(db: db, config: config, options: PlannerOptions(seed: 3, iterations: 150), weeks: 3)
        projection.expectArrivals = false
        projection.absence = 0
        let p = try projection.run(today: sunday, stamp: stamp)
        #expect(p.weeks == [week1, week1.adding(days: 7), week1.adding(days: 14)])
        #expect(try db.timetables.timetable(week: week1) == nil, "the projection plans on a copy")
        #expect(!p.firstWeek.isEmpty && p.firstWeek.count < p.waiting.count)

        let promised = try db.referrals.waitingList(config: config, today: sunday)
        #expect(promised.allSatisfy { $0.estimateSource == "projection" })
        let byId = Dictionary(uniqueKeysWithValues: promised.map { ($0.referral.id, $0) })
        let booked = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp).timetable.bookings.filter { $0.sessionNumber == 1 }
        #expect(!booked.isEmpty)
        for b in booked {
            #expect(
                byId[b.referral]?.estimatedFirstWeek == week1,
                "referral \(b.referral) was promised \(String(describing: byId[b.referral]?.estimatedFirstWeek))")
        }
        let later = promised.filter { $0.estimatedFirstWeek.map { $0 > week1 } ?? true }
        #expect(later.allSatisfy { e in !booked.contains { $0.referral == e.referral.id } })
        // Beyond the horizon: promised after it, in term weeks, never in the Christmas holiday.
        let beyond = promised.filter { p.firstWeek[$0.referral.id] == nil }.compactMap(\.estimatedFirstWeek)
        #expect(!beyond.isEmpty && beyond.allSatisfy { $0 > p.weeks.last! && config.calendar.isTermWeek($0) })
    }

    @Test func aDeadlineInTheHolidayIsShownWithTheLastSchoolDayAndAWarningWhenItCannotBeMet() throws {
        let db = try demoTrust()
        let list = try db.referrals.waitingSnapshot(config: config, today: CalendarDate("2026-12-01")!).1
        var r = try #require(try db.referrals.all().first { $0.request.service == "EP" })
        r.request.flags.ehcNeedsAssessment = true
        r.request.receivedOn = CalendarDate("2026-11-12")!  // advice due 2026-12-24, in the Christmas holiday
        var e = list.entry(r, today: CalendarDate("2026-12-01")!)
        #expect(e.statutoryDeadline == CalendarDate("2026-12-24"))
        e.estimatedFirstWeek = CalendarDate("2026-12-14")
        let inTime = try #require(list.warned(e, today: CalendarDate("2026-12-01")!).deadlineWarning)
        #expect(inTime.contains("Christmas holiday") && inTime.contains("2026-12-18") && !inTime.contains("cannot be met"))
        e.estimatedFirstWeek = CalendarDate("2027-01-04")
        #expect(list.warned(e, today: CalendarDate("2026-12-01")!).deadlineWarning?.contains("cannot be met") == true)
    }

    @Test func aDeadlineInTheHolidayIsDueInTheLastWeekBeforeIt() throws {
        let db = try demoTrust()
        let lastWeek = CalendarDate("2026-12-14")!
        var input = try db.timetables.weekInput(week: lastWeek, config: config)
        var e = try #require(input.waiting.first { $0.referral.request.service == "EP" && $0.statutoryDeadline == nil })
        e.statutoryDeadline = CalendarDate("2026-12-30")
        input.waiting.removeAll { $0.referral.id == e.referral.id }
        input.waiting.append(e)
        let session = WeekDemand(input).build(name: "w").scenario.sessions.first { $0.referral == "r\(e.referral.id)" }
        #expect(session?.priority == 99)
    }
}
