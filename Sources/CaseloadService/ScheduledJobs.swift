import CaseloadCore
import CaseloadPlanner
import CaseloadStore
import Foundation

/// The jobs `caseload serve` runs by itself, as the trust's settings (`jobs`) say: the weekly
/// plan of next week (a draft for a leader to review and publish), the nightly backup keeping
/// the newest copies, and the retention run. Each runs once for each time it is due; one that
/// was due while the server was down runs once when it is back, not once per missed time.
public struct ScheduledJobs: Sendable {
    let db: AppDatabase
    let config: TrustConfig
    let options: PlannerOptions

    /// The use case over `db` under `config`; `options` for the weekly plan's search.
    public init(db: AppDatabase, config: TrustConfig, options: PlannerOptions = PlannerOptions()) {
        (self.db, self.config, self.options) = (db, config, options)
    }

    /// What one run did.
    public struct Ran: Sendable, Equatable {
        public var job: String
        public var due: Moment
        public var ok: Bool
        public var detail: String
    }

    /// Runs every job whose latest due time has come and that has not run for it.
    public func runDue(now: Moment, instant: Date = Date()) throws -> [Ran] {
        var ran: [Ran] = []
        for (name, time) in config.jobs.jobs {
            let due = time.lastDue(atOrBefore: now)
            guard try db.jobs.claim(name, due: due, at: instant) else { continue }
            let stamp = Stamp(actor: "job \(name)", at: instant)
            var result = Ran(job: name, due: due, ok: true, detail: "")
            do { result.detail = try run(name, due: due, stamp: stamp) } catch {
                (result.ok, result.detail) = (false, "\(error)")
            }
            try db.jobs.finish(name, due: due, ok: result.ok, detail: result.detail, at: Date(), stamp: stamp)
            ran.append(result)
        }
        return ran
    }

    func run(_ name: String, due: Moment, stamp: Stamp) throws -> String {
        switch name {
        case "weekly_plan": try weeklyPlan(due, stamp)
        case "auto_publish": try autoPublish(due, stamp)
        case "backup": try backup(due)
        default: try retention(due, stamp)
        }
    }

    /// Plans the week after the one it is due in, as a draft (a draft already there is planned
    /// again; a published week is left to a leader).
    func weeklyPlan(_ due: Moment, _ stamp: Stamp) throws -> String {
        let week = due.monday.adding(days: 7)
        let existing = try db.timetables.timetable(week: week)
        if existing?.published == true { return "the week of \(week) is already published; a leader re-plans it if needed" }
        let result = try WeeklyScheduler(db: db, config: config, options: options)
            .schedule(week: week, replan: existing != nil, now: due, stamp: stamp)
        return "planned the week of \(week) as a draft: \(result.timetable.bookings.count) sessions, waiting for a leader to publish"
    }

    /// Publishes the draft of the week after the one it is due in, unless a leader has held it
    /// back; a stale draft is refused by publishing itself, so the job fails and tells the leaders.
    func autoPublish(_ due: Moment, _ stamp: Stamp) throws -> String {
        let week = due.monday.adding(days: 7)
        guard let existing = try db.timetables.timetable(week: week) else { return "nothing to publish: the week of \(week) has no draft" }
        if existing.published { return "the week of \(week) was already published" }
        if let hold = try db.timetables.hold(week: week) {
            return "not published: \(hold.heldBy) held the week of \(week) back (\(hold.reason)); a leader publishes it by hand"
        }
        let started = try db.timetables.publish(week: week, stamp: stamp)
        return "published the week of \(week) (nobody had held it back): \(existing.bookings.count) sessions, \(started) new series"
    }

    /// Backs the database up as `caseload-YYYY-MM-DD.sqlite` and keeps the newest copies.
    func backup(_ due: Moment) throws -> String {
        let rule = config.jobs
        let path = URL(fileURLWithPath: rule.backupFolder).appendingPathComponent("caseload-\(due.date).sqlite").path
        let report = try db.backup(to: path, replace: true)
        let kept = try FileManager.default.contentsOfDirectory(atPath: rule.backupFolder)
            .filter { $0.hasPrefix("caseload-") && $0.hasSuffix(".sqlite") }.sorted()
        for old in kept.dropLast(rule.backupKeep) {
            try FileManager.default.removeItem(atPath: URL(fileURLWithPath: rule.backupFolder).appendingPathComponent(old).path)
        }
        return "backed up to \(path) (integrity \(report.integrity)); keeping \(min(kept.count, rule.backupKeep)) copies"
    }

    /// Applies the retention rule (or counts what is due, when the settings say not to apply it).
    func retention(_ due: Moment, _ stamp: Stamp) throws -> String {
        let apply = config.jobs.retentionApply
        let items = try PupilRecords(db: db).retention(config.retention, today: due.date, apply: apply, by: .commandLine, stamp: stamp)
        return apply ? "removed the pupil data of \(items.count) referrals" : "\(items.count) referrals are due; the settings say not to remove them"
    }

    /// Each job for leaders: when it runs, its last run, and its next time.
    public func overview(now: Moment, by caller: Identity) throws -> [(name: String, time: JobTime, last: JobRun?, next: Moment)] {
        try AccessPolicy.check(caller, .planWeek, .trust)
        return try config.jobs.jobs.map { ($0.name, $0.time, try db.jobs.last($0.name), $0.time.nextDue(after: now)) }
    }
}
