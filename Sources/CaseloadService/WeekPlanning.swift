import CaseloadCore
import CaseloadPlanner
import CaseloadStore
import Foundation

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
    /// New bookings keep to the trust's notice unless the leader approves `shortNotice`, which
    /// the audit log records.
    /// A re-plan of a published week must be `confirmed` (see `preview`).
    public func plan(
        _ week: CalendarDate, replan: Bool, by caller: Identity, now: Moment?, shortNotice: Bool = false, confirmed: Bool = false,
        stamp: Stamp
    ) throws -> ScheduleResult {
        try AccessPolicy.check(caller, .planWeek, .trust)
        try WeekPlanning.requireConfirmation(week, replan: replan, confirmed: confirmed)
        let result = try scheduler.schedule(week: week, replan: replan, now: now, shortNotice: shortNotice, stamp: stamp)
        if shortNotice {
            try scheduler.db.recordAudit(
                stamp, action: "approve_short_notice", entity: "timetable", id: week.description,
                detail: ["notice_school_days": "\(scheduler.config.planning.noticeSchoolDays)"])
        }
        return result
    }

    /// What a re-plan of the published `week` would move, worked out on a private copy of the
    /// database (nothing is stored): the leader's confirmation step shows it before the re-plan
    /// changes any school's published visits. The re-plan itself searches again, so it may differ
    /// in a detail; it keeps every booking it can exactly where it is, as the preview does.
    public func preview(_ week: CalendarDate, by caller: Identity, now: Moment?, shortNotice: Bool = false) throws -> ScheduleResult {
        try AccessPolicy.check(caller, .planWeek, .trust)
        let copy = WeeklyScheduler(db: try scheduler.db.copyInMemory(), config: scheduler.config, options: scheduler.options)
        return try copy.schedule(week: week, replan: true, now: now, shortNotice: shortNotice, stamp: Stamp(actor: "preview"))
    }

    /// Refuses a re-plan of a published week that the leader has not confirmed: it changes schools'
    /// and specialists' published visits at once.
    static func requireConfirmation(_ week: CalendarDate, replan: Bool, confirmed: Bool) throws {
        guard replan, !confirmed else { return }
        throw StoreError.conflict(
            "the week of \(week) is published: a re-plan moves schools' published visits at once, so it needs confirming; nothing was changed",
            next: .confirmReplan(week))
    }

    /// Holds the draft of `week` back from automatic publishing (`jobs.auto_publish`), with why;
    /// a leader then publishes it by hand. The reason is required and at most 300 characters.
    public func hold(_ week: CalendarDate, reason: String, by caller: Identity, stamp: Stamp) throws {
        try AccessPolicy.check(caller, .planWeek, .trust)
        let said = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !said.isEmpty, said.count <= 300 else {
            throw InputError(field: "reason", problem: "say in up to 300 characters why the week should wait for a leader")
        }
        try scheduler.db.timetables.hold(week: week, reason: said, stamp: stamp)
    }

    /// Lets the draft of `week` be published automatically again.
    public func release(_ week: CalendarDate, by caller: Identity, stamp: Stamp) throws {
        try AccessPolicy.check(caller, .planWeek, .trust)
        guard try scheduler.db.timetables.release(week: week, stamp: stamp) else {
            throw StoreError.notFound("the week of \(week) is not held back; nothing was changed")
        }
    }

    /// Publishes the draft of `week`; returns how many series started.
    public func publish(_ week: CalendarDate, by caller: Identity, stamp: Stamp) throws -> Int {
        try AccessPolicy.check(caller, .planWeek, .trust)
        return try scheduler.db.timetables.publish(week: week, stamp: stamp)
    }
}
