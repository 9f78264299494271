/// When a scheduled job is due: every day, or one weekday, at a time on the trust's clock.
public struct JobTime: Hashable, Sendable, CustomStringConvertible {
    /// The weekday, or `nil` for every day.
    public var day: Weekday?
    public var at: ClockTime

    /// A time with every field.
    public init(day: Weekday?, at: ClockTime) {
        self.day = day
        self.at = at
    }

    /// The latest moment at or before `now` the job was due (within the last week).
    public func lastDue(atOrBefore now: Moment) -> Moment {
        for back in 0...7 {
            let date = now.date.adding(days: -back)
            let due = Moment(date: date, minutes: at.minutes)
            if (day == nil || date.weekday == day) && due <= now { return due }
        }
        return Moment(date: now.date.adding(days: -7), minutes: at.minutes)
    }

    /// The first moment after `now` the job is due.
    public func nextDue(after now: Moment) -> Moment {
        for ahead in 0...7 {
            let date = now.date.adding(days: ahead)
            let due = Moment(date: date, minutes: at.minutes)
            if (day == nil || date.weekday == day) && now < due { return due }
        }
        return Moment(date: now.date.adding(days: 7), minutes: at.minutes)
    }

    /// "Thursdays at 16:00", "every day at 02:00".
    public var description: String { "\(day.map { $0.displayName + "s" } ?? "every day") at \(at)" }
}

/// The jobs `caseload serve` runs by itself (`jobs`): the weekly plan of next week, the nightly
/// backup, and the retention run. A job that was due while the server was down runs once when
/// it is back, not once per missed time.
public struct JobsRule: Hashable, Sendable {
    /// Plans next week as a draft for a leader to review and publish.
    public var weeklyPlan: JobTime?
    /// Publishes next week's draft, later in the week than `weeklyPlan`, unless a leader has
    /// held it back (objected) or it went stale; `nil`: a leader publishes by hand.
    public var autoPublish: JobTime?
    /// Backs the database up into `backupFolder`, keeping the newest `backupKeep` copies.
    public var backup: JobTime?
    public var backupFolder = ""
    public var backupKeep = 14
    /// Applies the retention rule (`retentionApply`), or only counts what is due.
    public var retention: JobTime?
    public var retentionApply = false

    public init() {}

    /// A job's name in words: "Plan next week", "Back up the database", "Apply the retention rule".
    public static func title(_ name: String) -> String {
        [
            "weekly_plan": "Plan next week", "auto_publish": "Publish next week unless a leader held it",
            "backup": "Back up the database", "retention": "Apply the retention rule",
        ][name] ?? name
    }

    /// Every job that is set, by name.
    public var jobs: [(name: String, time: JobTime)] {
        [("weekly_plan", weeklyPlan), ("auto_publish", autoPublish), ("backup", backup), ("retention", retention)].compactMap { n, t in
            t.map { (n, $0) }
        }
    }
}

extension TrustConfig {
    /// `jobs`: `weekly_plan`, `auto_publish`, `backup` and `retention`, each with `day`
    /// (optional, but needed by `auto_publish` and the plan it follows) and `at`.
    static func readJobs(_ f: JSONFields) throws(InputError) -> JobsRule {
        try f.onlyKeys(["weekly_plan", "auto_publish", "backup", "retention"])
        var rule = JobsRule()
        if f.optional("weekly_plan") != nil { rule.weeklyPlan = try jobTime(f.object("weekly_plan"), extra: []) }
        if f.optional("auto_publish") != nil {
            let publish = try jobTime(f.object("auto_publish"), extra: [])
            try checkAutoPublish(publish, after: rule.weeklyPlan, f)
            rule.autoPublish = publish
        }
        if f.optional("backup") != nil {
            let b = try f.object("backup")
            rule.backup = try jobTime(b, extra: ["folder", "keep"])
            rule.backupFolder = try b.string("folder")
            guard rule.backupFolder.hasPrefix("/") else { throw b.error("folder", "give the backup folder's full path, e.g. /var/backups/caseload") }
            rule.backupKeep = try b.optionalInt("keep", in: 1...365) ?? rule.backupKeep
        }
        if f.optional("retention") != nil {
            let r = try f.object("retention")
            rule.retention = try jobTime(r, extra: ["apply"])
            rule.retentionApply = try r.optionalBool("apply") ?? false
        }
        return rule
    }

    /// Automatic publishing needs the weekly plan on a set weekday, and comes later in the same
    /// week (Monday to Sunday), so that it publishes the draft that plan made.
    static func checkAutoPublish(_ publish: JobTime, after plan: JobTime?, _ f: JSONFields) throws(InputError) {
        guard let plan, let planDay = plan.day, let day = publish.day else {
            throw f.error(
                "auto_publish", "set weekly_plan with a day first, and give auto_publish a day later that week, e.g. {day: fri, at: \"12:00\"}")
        }
        guard (day.index, publish.at.minutes) > (planDay.index, plan.at.minutes) else {
            throw f.error("auto_publish", "publish after the weekly plan in the same week (it plans \(plan)); choose a later day or time")
        }
    }

    static func jobTime(_ f: JSONFields, extra: [String]) throws(InputError) -> JobTime {
        try f.onlyKeys(["day", "at"] + extra)
        var day: Weekday?
        if let text = try f.optionalString("day") {
            guard let d = Weekday(rawValue: String(text.lowercased().prefix(3))) else { throw f.error("day", "write a weekday such as thu") }
            day = d
        }
        return JobTime(day: day, at: try f.time("at"))
    }
}
