import CaseloadCore
import CaseloadPlanner
import CaseloadTestSupport
import Foundation
import Testing

@Suite struct WeekPlannerTests {
    /// Every bundled fixture, planned briefly, passes the independent checker.
    @Test(arguments: ["kemnal-w49.json", "kemnal-w50-lean.json", "ormiston-w49.json", "county-60.json"])
    func fixturePlansPassTheChecker(file: String) throws {
        let scenario = try Repo.scenario(file)
        let plan = WeekPlanner(options: PlannerOptions(seed: 7, iterations: 120)).plan(scenario)
        let verdict = try Repo.check(scenario, plan)
        #expect(verdict["valid"] as? Bool == true, "\(verdict["violations"] ?? [])")
        #expect(verdict["served_priority"] as? Int == plan.statistics?.servedPriority)
        #expect(verdict["travel_min"] as? Int == plan.statistics?.travelMinutes)
        #expect(verdict["upper_bound"] as? Int == plan.statistics?.upperBound)
        #expect(plan.routes.count > 0)
        #expect(plan.unassigned.allSatisfy { !$0.reason.isEmpty })
    }

    @Test func sameSeedSamePlan() throws {
        let scenario = try Repo.scenario("county-60.json")
        let options = PlannerOptions(seed: 42, iterations: 200)
        let a = WeekPlanner(options: options).plan(scenario)
        let b = WeekPlanner(options: options).plan(scenario)
        #expect(a.routes == b.routes)
        #expect(a.unassigned == b.unassigned)
    }

    @Test func searchBeatsItsOwnStartingPoint() throws {
        let scenario = try Repo.scenario("kemnal-w50-lean.json")
        let start = WeekPlanner(options: PlannerOptions(iterations: 0)).plan(scenario)
        let searched = WeekPlanner(options: PlannerOptions(iterations: 1_000)).plan(scenario)
        let (s0, s1) = (start.statistics!, searched.statistics!)
        #expect(s1.servedPriority > s0.servedPriority || (s1.servedPriority == s0.servedPriority && s1.travelMinutes < s0.travelMinutes))
    }

    /// Given a time limit, the search restarts from its best when it stagnates and goes on until
    /// then: its first round is the default search, so it never ends below the default's result.
    @Test func anytimeSearchUsesItsTimeAndNeverEndsBelowTheDefault() throws {
        let scenario = try Repo.scenario("kemnal-w50-lean.json")
        let quick = WeekPlanner(options: PlannerOptions(seed: 5)).plan(scenario)
        let a = quick.statistics!
        var options = PlannerOptions(seed: 5, timeLimit: a.seconds * 2 + 2)  // the first round always fits
        options.anytime = true
        let plan = WeekPlanner(options: options).plan(scenario)
        let b = plan.statistics!
        #expect(b.servedPriority > a.servedPriority || (b.servedPriority == a.servedPriority && b.travelMinutes <= a.travelMinutes))
        #expect(b.iterations > a.iterations, "it searched on after the default would have stopped")
        #expect(b.seconds >= options.timeLimit * 0.9 && b.seconds < options.timeLimit * 3)
        #expect(try Repo.check(scenario, plan)["valid"] as? Bool == true)
    }

    @Test func sessionsAtOneSchoolMakeOneVisit() {
        var w = TinyWeek()
        for k in 1...4 { w.add("s\(k)", school: "B", minutes: 60) }
        let plan = WeekPlanner(options: PlannerOptions(iterations: 50)).plan(w.scenario)
        #expect(plan.routes.count == 1)
        #expect(plan.routes[0].stops.count == 4)
        // Base at A to B and back: 27 minutes each way, nothing in between.
        #expect(plan.statistics?.travelMinutes == 54)
        #expect(plan.routes[0].stops.map(\.start.minutes) == [537, 597, 657, 717])
    }

    @Test func respectsWindowsAndTheSchoolsCap() throws {
        var w = TinyWeek()
        w.specialists = [TinyWeek.specialist("salt-1", base: GeoPoint(lat: 51.05, lon: 0), schoolsCap: 1)]
        w.add("a", school: "A", priority: 60, earliest: "13:00", latestEnd: "14:00")
        w.add("b", school: "B", priority: 40)
        let plan = WeekPlanner(options: PlannerOptions(iterations: 50)).plan(w.scenario)
        #expect(plan.routes.first?.stops.map(\.session) == ["a"])
        #expect(plan.routes.first?.stops.first?.start == ClockTime("13:00"))
        #expect(plan.unassigned.map(\.session) == ["b"])
        #expect(try Repo.check(w.scenario, plan)["valid"] as? Bool == true)
    }

    @Test func upperBoundAgreesWithTheChecker() throws {
        for file in ["kemnal-w49.json", "ormiston-w49.json"] {
            let scenario = try Repo.scenario(file)
            let path = "\(Repo.weeks)/\(file)"
            let out = try Repo.run(["python3", Repo.checker, "--bound", path])
            let text = String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(Int(text) == UpperBound.knapsack(scenario))
        }
    }
}
