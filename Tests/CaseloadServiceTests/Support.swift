import CaseloadConfig
import CaseloadCore
import CaseloadFixtures
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation

let repoRoot = Repo.root
let config = Repo.config
let stamp = testStamp
let week1 = testWeek

func scheduler(_ db: AppDatabase) -> WeeklyScheduler {
    WeeklyScheduler(db: db, config: config, options: PlannerOptions(seed: 3, iterations: 150))
}

/// Runs the independent checker on a stored week's scenario and plan.
func check(_ t: WeekTimetable) throws -> [String: Any] { try checkPlan(t.scenario, t.plan) }
