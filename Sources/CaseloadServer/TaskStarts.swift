import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import Foundation

/// Heavy work started from the API or the pages: the request is checked and recorded at once,
/// and the work runs as a task (see `TaskRunner`), its result kept as JSON for whoever follows it.
extension ServerState {
    /// About how long planning a week takes here, in seconds.
    var planSeconds: Int {
        let search = WeekPlanning.weeklyJob(planner, config.planning)
        return search.anytime ? Int(search.timeLimit) : 5
    }

    /// Starts planning (or re-planning, or previewing a re-plan of) a week for `caller`; a second
    /// request for the same while one waits or runs answers the first one's task.
    func startPlan(_ ask: HeavyTasks.PlanRequest, by caller: Identity) throws -> WorkTask {
        let (now, stamp) = (self.now(), Stamp(actor: caller.actor))
        let (task, started) = try HeavyTasks(db: db, config: config).startPlan(ask, by: caller, now: now, seconds: planSeconds, stamp: stamp)
        let planning = WeekPlanning(db: db, config: config, options: planner)
        TaskRunner(state: self).run(task, started: started) {
            let result =
                ask.preview
                ? try planning.preview(ask.week, by: caller, now: now, shortNotice: ask.shortNotice)
                : try planning.plan(
                    ask.week, replan: ask.replan, by: caller, now: now, shortNotice: ask.shortNotice, confirmed: ask.confirmed, stamp: stamp)
            return try ServerState.json(TimetableController.ScheduleDTO(result, preview: ask.preview))
        }
        return task
    }

    /// Starts a what-if of `whatIf` against the settings in force, keyed by `input` (the request's
    /// settings and figures, so the same request twice shares one task).
    func startWhatIf(_ whatIf: WhatIf, alternative: TrustConfig, input: String, by caller: Identity) throws -> WorkTask {
        let weeks = whatIf.simulation.weeks
        let (task, started) = try HeavyTasks(db: db, config: config).startWhatIf(
            input: input, weeks: weeks, by: caller, seconds: weeks * 3, stamp: Stamp(actor: caller.actor))
        let (baseline, db) = (config, db)
        TaskRunner(state: self).run(task, started: started) {
            let report = try whatIf.run(
                baseline: Policy(name: "now", config: baseline), alternative: Policy(name: "proposed", config: alternative), db: db)
            return try ServerState.json(SimulationController.ResultDTO(report))
        }
        return task
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
