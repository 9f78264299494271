import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// A leader's override: a referral far down the list is booked in the week a leader names, with
/// the reason in the audit log; it does nothing in other weeks; and only a leader may set one.
@Suite struct OverrideTests {
    let leader = Identity(tokenId: 1, role: .leader)
    let thursday = Moment(date: week1.adding(days: -4), minutes: 960)

    func plan(_ db: AppDatabase, _ monday: CalendarDate) throws -> WeekTimetable {
        let planning = WeekPlanning(db: db, config: config, options: PlannerOptions(seed: 3, iterations: 150))
        let now = Moment(date: monday.adding(days: -4), minutes: 960)
        return try planning.plan(monday, replan: false, by: leader, now: now, stamp: stamp).timetable
    }

    /// The last routine SALT referral on the list, which an ordinary week leaves out.
    func lastOnTheList(_ db: AppDatabase) throws -> Referral {
        let list = try db.referrals.waitingList(config: config, today: week1, service: "SALT")
        return try #require(list.last { !config.urgency.isUrgent($0) }).referral
    }

    @Test func aReferralWithAnOverrideIsBookedInItsWeekAndNotBefore() throws {
        let db = try demoTrust()
        let last = try lastOnTheList(db)
        let ordinary = try plan(db, week1)
        #expect(!ordinary.bookings.contains { $0.referral == last.id }, "without the override it waits")
        let overriding = ReferralOverriding(db: db)
        let later = week1.adding(days: 7)
        _ = try overriding.set(
            last.id, week: later.adding(days: 2).description, reason: "school needs a report", by: leader, today: week1, stamp: stamp)
        #expect(!(try plan(db, week1)).bookings.contains { $0.referral == last.id }, "another week's override does nothing here")
        let set = try overriding.set(last.id, week: week1.description, reason: "tribunal evidence due", by: leader, today: week1, stamp: stamp)
        #expect(set.session == 1 && set.week == week1)
        let t = try plan(db, week1)
        #expect(t.scenario.sessions.first { $0.referral == "r\(last.id)" }?.priority == Override.priority)
        #expect(t.bookings.contains { $0.referral == last.id }, "the override books it")
        let audit = try db.auditLog(entity: "referral", id: "\(last.id)")
        #expect(audit.contains { $0.action == "override" && $0.detail.contains("tribunal evidence due") && $0.detail.contains(week1.description) })
    }

    @Test func firstClaimHoldsEveryWeekAndADraftPlannedBeforeItIsStale() throws {
        let db = try demoTrust()
        let last = try lastOnTheList(db)
        _ = try plan(db, week1)
        _ = try ReferralOverriding(db: db).set(last.id, week: nil, reason: "looked-after review", by: leader, today: week1, stamp: stamp)
        _ = try ReferralOverriding(db: db).set(last.id, week: nil, reason: "looked-after review, again", by: leader, today: week1, stamp: stamp)
        let error = try #require(throws: StoreError.self) { try db.timetables.publish(week: week1, stamp: stamp) }
        #expect(error.description.contains("a leader put referral \(last.id) first"), "\(error)")
        #expect(error.description.components(separatedBy: "referral \(last.id)").count == 2, "said once, in words: \(error)")
        #expect(try plan(db, week1).bookings.contains { $0.referral == last.id })
        #expect(try ReferralOverriding(db: db).clear(last.id, reason: "done", by: leader, stamp: stamp))
        #expect(try db.referrals.override(of: last.id) == nil)
    }

    @Test func onlyALeaderSetsOneAndItSaysWhatIsWrong() throws {
        let db = try demoTrust()
        let last = try lastOnTheList(db)
        let overriding = ReferralOverriding(db: db)
        let senco = Identity(tokenId: 2, role: .senco(school: last.request.school))
        #expect(throws: AccessDenied.self) { try overriding.set(last.id, week: nil, reason: "mine first", by: senco, today: week1, stamp: stamp) }
        let blank = try #require(throws: InputError.self) {
            try overriding.set(last.id, week: nil, reason: " ", by: leader, today: week1, stamp: stamp)
        }
        #expect(blank.field == "reason")
        let past = try #require(throws: InputError.self) {
            try overriding.set(last.id, week: "2026-11-16", reason: "late", by: leader, today: week1, stamp: stamp)
        }
        #expect(past.field == "week" && past.problem.contains("passed"))
        _ = try db.referrals.changeStatus(last.id, to: .withdrawn, note: "moved away", stamp: stamp)
        #expect(throws: StoreError.self) { try overriding.set(last.id, week: nil, reason: "still", by: leader, today: week1, stamp: stamp) }
    }
}
