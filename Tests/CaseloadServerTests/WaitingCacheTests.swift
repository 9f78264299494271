import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@testable import CaseloadServer

/// The waiting-list cache rebuilds stale lists in the background; a referral placed while a list
/// is being rebuilt is in the new list too.
@Suite struct WaitingCacheTests {
    @Test func submissionsDuringBackgroundRebuildsAreNeverLost() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let cache = WaitingCache(maxAge: .zero)  // every call finds the list stale
        _ = try cache.list(service: "SALT", school: nil, state: h.state)
        let threshold = Threshold(h.state.config)
        var ids: Set<Int64> = []
        for k in 0..<40 {
            let request = ReferralRequest(
                school: Harness.schoolA, pupilRef: "BG-\(k)", yearGroup: 5, service: "SALT", area: .communicationAndInteraction,
                severity: 4, apdrCycles: 1, consent: true, reason: "", receivedOn: CalendarDate("2026-11-23")!)
            let r = try h.state.db.referrals.submit(request, decision: threshold.evaluate(request), stamp: stamp)
            #expect(try cache.place(r, state: h.state).referral.id == r.id)
            ids.insert(r.id)
        }
        for _ in 0..<200 where cache.rebuilding { try await Task.sleep(for: .milliseconds(25)) }
        let found = try cache.places(ids, services: ["SALT"], state: h.state)
        #expect(Set(found.keys) == ids)
        let listed = try cache.list(service: "SALT", school: Harness.schoolA, state: h.state).map(\.referral.id)
        #expect(ids.isSubset(of: Set(listed)))
    }

    /// One observer of the database tells the cache of every change the list depends on: a re-plan
    /// of a published week (after an absence) is seen by the very next read, with no call to
    /// invalidate anywhere in the route.
    @Test func aReplanOfAPublishedWeekIsSeenByTheNextRead() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let week = CalendarDate("2026-11-30")!
        let leader = Identity(tokenId: 1, role: .leader)
        let planning = WeekPlanning(db: h.state.db, config: h.state.config, options: h.state.planner)
        _ = try planning.plan(week, replan: false, by: leader, now: nil, stamp: stamp)
        _ = try planning.publish(week, by: leader, stamp: stamp)
        func cached() throws -> [Int64] { try h.state.waiting.list(service: "SALT", school: nil, state: h.state).map(\.referral.id) }
        func fresh() throws -> [Int64] {
            try h.state.db.referrals.waitingList(config: h.state.config, today: h.state.today(), service: "SALT").map(\.referral.id)
        }
        let before = try cached()
        #expect(before == (try fresh()))
        let absent = try #require(try h.state.db.roster.specialists().first { $0.specialist.service == "SALT" }).specialist.id
        try h.state.db.calendar.addLeave(specialist: absent, from: week, to: week.adding(days: 4), reason: "sick", stamp: stamp)
        let result = try planning.plan(week, replan: true, by: leader, now: nil, confirmed: true, stamp: stamp)
        #expect(!result.moved.isEmpty, "the absence moved bookings")
        let after = try cached()
        #expect(after != before, "the re-plan changed the list")
        #expect(after == (try fresh()))
    }
}
