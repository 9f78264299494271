import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// The weekly summary counts how the sessions went, per service and per school.
@Suite struct WeekOutcomeCountTests {
    @Test func theSummaryCountsEachOutcomeBySchoolAndService() throws {
        let db = try demoTrust()
        _ = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        let t = try #require(try db.timetables.timetable(week: week1))
        let monday = t.bookings.filter { $0.day == .mon }
        let given: [SessionOutcome] = [.delivered, .delivered, .pupilAbsent, .schoolCancelled, .specialistAbsent]
        let recorded = zip(monday, given).map { OutcomeEntry(referral: $0.0.referral, outcome: $0.1) }
        _ = try db.timetables.recordOutcomes(day: week1, recorded, today: week1, config: config, stamp: stamp)
        let now = try #require(try db.timetables.timetable(week: week1))
        let referrals = Dictionary(uniqueKeysWithValues: try db.referrals.all().map { ($0.id, $0) })
        let report = WeekReport(now, referrals: referrals, waiting: [], schools: try db.roster.schools(), config: config)
        var total = OutcomeCounts()
        for (_, c) in report.outcomesByService {
            total.delivered += c.delivered
            total.pupilAbsent += c.pupilAbsent
            total.cancelledBySchool += c.cancelledBySchool
            total.cancelledByTrust += c.cancelledByTrust
            total.notRecorded += c.notRecorded
        }
        #expect(total.delivered == 2 && total.pupilAbsent == 1 && total.cancelledBySchool == 1 && total.cancelledByTrust == 1)
        #expect(total.notRecorded == now.bookings.count - 5)
        let firstSchool = try #require(try db.roster.school(monday[0].school)).name
        #expect((report.outcomesBySchool.first { $0.school == firstSchool }?.counts.delivered ?? 0) >= 1)
        #expect(report.outcomesBySchool.reduce(0) { $0 + $1.counts.delivered } == 2)
    }
}
