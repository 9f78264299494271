import CaseloadCore
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
            let r = try h.state.db.submit(request, decision: threshold.evaluate(request), stamp: stamp)
            #expect(try cache.place(r, state: h.state).referral.id == r.id)
            ids.insert(r.id)
        }
        for _ in 0..<200 where cache.rebuilding { try await Task.sleep(for: .milliseconds(25)) }
        let found = try cache.places(ids, services: ["SALT"], state: h.state)
        #expect(Set(found.keys) == ids)
        let listed = try cache.list(service: "SALT", school: Harness.schoolA, state: h.state).map(\.referral.id)
        #expect(ids.isSubset(of: Set(listed)))
    }
}
