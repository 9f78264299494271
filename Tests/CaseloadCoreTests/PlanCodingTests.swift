import CaseloadCore
import CaseloadFormats
import Foundation
import Testing

@Suite struct PlanCodingTests {
    @Test func planRoundTrips() throws {
        let plan = WeekPlan(
            scenario: "tiny",
            routes: [PlannedRoute(specialist: "salt-2", day: .mon, stops: [PlannedStop(session: "r17-w3", start: ClockTime(minutes: 540))])],
            unassigned: [UnassignedSession(session: "r20-w1", code: .capacity, reason: "no SALT capacity")])
        let back = try WeekPlan.decode(plan.jsonData())
        #expect(back == plan)
        let text = String(decoding: try plan.jsonData(), as: UTF8.self)
        #expect(text.contains("\"format\" : \"caseload-plan/1\""))
        #expect(text.contains("\"start\" : \"09:00\""))
    }
}
