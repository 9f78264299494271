import CaseloadCore
import CaseloadPlanner
import CaseloadTestSupport
import Foundation
import Testing

/// Lunch breaks (spec rule 6): every plan leaves each working day with a stop a break inside its window.
@Suite struct BreakTests {
    static func withBreaks(_ s: WeekScenario, minutes: Int = 30, from: String = "11:30", to: String = "14:00") -> WeekScenario {
        var s = s
        for i in s.specialists.indices {
            for d in s.specialists[i].days.indices {
                s.specialists[i].days[d].rest = DayBreak(minutes: minutes, earliest: ClockTime(from)!, latestEnd: ClockTime(to)!)
            }
        }
        return s
    }

    @Test(arguments: ["kemnal-w49.json", "ormiston-w49.json", "county-60.json", "kemnal-w50-lean.json"])
    func fixtureWeeksWithBreaksPassTheChecker(file: String) throws {
        let scenario = BreakTests.withBreaks(try Repo.scenario(file))
        let again = try WeekScenario.decode(try scenario.jsonData())  // the break survives the file format
        #expect(again.specialists[0].days[0].rest?.minutes == 30)
        let plan = WeekPlanner(options: PlannerOptions(seed: 1, iterations: 400)).plan(scenario)
        let verdict = try Repo.check(scenario, plan)
        #expect(verdict["valid"] as? Bool == true, "\(verdict["violations"] ?? verdict)")
        #expect(plan.routes.allSatisfy { $0.breakStart != nil })
    }

    /// Two three-hour assessments cannot run back to back through a break window that they cover.
    @Test func twoLongAssessmentsLeaveRoomForLunch() throws {
        var w = TinyWeek()
        w.specialists = [TinyWeek.specialist("ep-1", service: "EP", base: GeoPoint(lat: 51.0, lon: 0.0), start: 510, end: 870)]
        w.add("a", service: "EP", minutes: 180, priority: 60)
        w.add("b", service: "EP", minutes: 180, priority: 50)
        let tight = BreakTests.withBreaks(w.scenario, minutes: 30, from: "11:30", to: "13:30")
        let plan = WeekPlanner(options: PlannerOptions(iterations: 50)).plan(tight)
        #expect(plan.routes.flatMap(\.stops).count == 1)  // 08:30-14:30 holds 6 hours of work only without the break
        #expect(try Repo.check(tight, plan)["valid"] as? Bool == true)
        let loose = WeekPlanner(options: PlannerOptions(iterations: 50)).plan(w.scenario)
        #expect(loose.routes.flatMap(\.stops).count == 2)
    }
}
