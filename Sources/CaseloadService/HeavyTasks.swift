import CaseloadCore
import CaseloadPlanner
import CaseloadStore

/// Heavy work as tasks: planning, re-planning (and its preview) and the what-if are checked at
/// once (who asks, and whether the week can be planned as asked) and then recorded as a task
/// that a worker runs; the caller gets the task's number to follow. Two requests for the same
/// work while one waits or runs share one task.
public struct HeavyTasks: Sendable {
    let db: AppDatabase
    let config: TrustConfig

    /// The use case over `db` under `config`.
    public init(db: AppDatabase, config: TrustConfig) {
        self.db = db
        self.config = config
    }

    /// What a plan of a week asks for.
    public struct PlanRequest: Sendable, Equatable {
        public var week: CalendarDate
        public var replan: Bool, preview: Bool, shortNotice: Bool, confirmed: Bool

        /// A request with every field.
        public init(week: CalendarDate, replan: Bool, preview: Bool = false, shortNotice: Bool = false, confirmed: Bool = false) {
            (self.week, self.replan, self.preview, self.shortNotice, self.confirmed) = (week, replan, preview, shortNotice, confirmed)
        }

        /// The task's kind.
        public var kind: WorkTask.Kind { preview ? .replanPreview : replan ? .replan : .plan }

        /// A plan and a re-plan of one week share a key (both change it); a preview changes nothing.
        var key: String { preview ? "preview \(week) \(shortNotice)" : "week \(week)" }

        /// "Planning the week of Mon 7 Dec".
        var about: String {
            let what = preview ? "Working out what a re-plan would move in" : replan ? "Re-planning" : "Planning"
            return "\(what) the week of \(Notice.day(week))"
        }
    }

    /// Checks `request` now (refusing at once a caller who may not plan, an unconfirmed re-plan,
    /// or a week that cannot be planned), then starts its task, or answers the one already
    /// waiting or running for it. `seconds`: about how long the search takes.
    public func startPlan(_ request: PlanRequest, by caller: Identity, now: Moment, seconds: Int, stamp: Stamp) throws -> (
        task: WorkTask, started: Bool
    ) {
        try AccessPolicy.check(caller, .planWeek, .trust)
        if !request.preview { try WeekPlanning.requireConfirmation(request.week, replan: request.replan, confirmed: request.confirmed) }
        _ = try WeeklyScheduler(db: db, config: config).check(week: request.week, replan: request.replan, now: now)
        return try db.tasks.start(request.kind, key: request.key, about: request.about, expectedSeconds: seconds, stamp: stamp)
    }

    /// Starts a what-if (the caller may simulate), keyed by `input` (its settings and figures),
    /// or answers the one already waiting or running for the same input.
    public func startWhatIf(input: String, weeks: Int, by caller: Identity, seconds: Int, stamp: Stamp) throws -> (
        task: WorkTask, started: Bool
    ) {
        try AccessPolicy.check(caller, .simulate, .trust)
        let about = "What if: \(weeks) week\(weeks == 1 ? "" : "s") under the proposed settings"
        return try db.tasks.start(
            .whatIf, key: "what_if \(Hashing.sha256Hex(input))", about: about, expectedSeconds: seconds, stamp: stamp)
    }

    /// Task `id`, for a caller who may start its kind of work (anyone else is told it is not there).
    public func task(_ id: Int64, by caller: Identity) throws -> WorkTask {
        guard let task = try db.tasks.task(id) else {
            throw StoreError.notFound("there is no task \(id); start the work again from its page")
        }
        try AccessPolicy.check(caller, task.kind == .whatIf ? .simulate : .planWeek, .trust)
        return task
    }
}
