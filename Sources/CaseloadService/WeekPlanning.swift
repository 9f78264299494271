import CaseloadCore
import CaseloadPlanner
import CaseloadStore

/// Planning and publishing a week, for a caller the access policy lets do it (a trust leader, or
/// the operator at the command line). The CLI, the API and the pages all come through here.
public struct WeekPlanning: Sendable {
    public let scheduler: WeeklyScheduler

    /// The use case over `db` under `config`, planning with `options` (see `weeklyJob`).
    public init(db: AppDatabase, config: TrustConfig, options: PlannerOptions = PlannerOptions()) {
        scheduler = WeeklyScheduler(db: db, config: config, options: WeekPlanning.weeklyJob(options, config.planning))
    }

    /// The weekly job's search: `options` as given where they fix its length (a number of
    /// iterations, or a time limit of their own); otherwise the trust's `planning.search_seconds`,
    /// searching on until then (0: the default search, which stops when it stops improving).
    public static func weeklyJob(_ options: PlannerOptions, _ rule: PlanningRule) -> PlannerOptions {
        guard options.iterations == nil, !options.anytime, rule.searchSeconds > 0 else { return options }
        var chosen = options
        chosen.timeLimit = Double(rule.searchSeconds)
        chosen.anytime = true
        return chosen
    }

    /// Plans the week of `week` as a draft, or re-plans it once published (`replan`), as of `now`.
    public func plan(_ week: CalendarDate, replan: Bool, by caller: Identity, now: Moment?, stamp: Stamp) throws -> ScheduleResult {
        try AccessPolicy.check(caller, .planWeek, .trust)
        return try scheduler.schedule(week: week, replan: replan, now: now, stamp: stamp)
    }

    /// Publishes the draft of `week`; returns how many series started.
    public func publish(_ week: CalendarDate, by caller: Identity, stamp: Stamp) throws -> Int {
        try AccessPolicy.check(caller, .planWeek, .trust)
        return try scheduler.db.publish(week: week, stamp: stamp)
    }
}
