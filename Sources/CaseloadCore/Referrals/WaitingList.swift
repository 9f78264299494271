/// How a referral's current priority is made up, so that a SENCO can see why it stands where it does.
public struct PriorityBreakdown: Hashable, Sendable {
    /// The score given at intake from severity and circumstances.
    public var score: Double = 0
    /// Points for the weeks waited.
    public var waiting: Double = 0
    /// Points as a statutory deadline nears.
    public var deadline: Double = 0
    /// Points (or a deduction) for the school's share of the service's time so far.
    public var fairShare: Double = 0

    /// The current priority: the parts added up.
    public var total: Double { score + waiting + deadline + fairShare }
}

/// One referral's place on the waiting list, as a SENCO or leader sees it.
public struct WaitingEntry: Hashable, Sendable {
    /// The band its current priority falls in (the band at intake is on the referral).
    public var band: String = ""
    /// What the priority is made of.
    public var breakdown = PriorityBreakdown()
    public var referral: Referral
    /// 1 for the first to be seen within its service.
    public var position: Int
    /// Score plus ageing, deadline urgency and fair-share points, rounded.
    public var priority: Int
    public var weeksWaited: Int
    public var targetWeeks: Int?
    public var breached: Bool
    /// When statutory advice is due (EHC needs assessments only).
    public var statutoryDeadline: CalendarDate?
    /// The Monday of the week its first session is likely, from current capacity; `nil` when the
    /// service has no free capacity at all.
    public var estimatedFirstWeek: CalendarDate?
    /// Where the estimate comes from: `projection` (the planner rolled forward) or `fill_rate`.
    public var estimateSource = "fill_rate"
    /// For a statutory deadline: that it falls in a holiday (and the last school day before it),
    /// or that the estimate is after it, so the leader can act ahead of time.
    public var deadlineWarning: String?

    /// The day by which its first session should be, by the target wait for its band at intake.
    public var targetDate: CalendarDate? { targetWeeks.map { referral.request.receivedOn.adding(days: 7 * $0) } }

    /// Whether, as things stand, it will be seen later than its target (or its statutory
    /// deadline): the likely first week starts after that day, or no week is likely at all.
    public var willMissTarget: Bool {
        let due = [targetDate, statutoryDeadline].compactMap { $0 }.min()
        guard let due else { return false }
        guard let first = estimatedFirstWeek else { return true }
        return first > due
    }

    /// An entry with every field.
    public init(
        referral: Referral, position: Int, priority: Int, weeksWaited: Int, targetWeeks: Int?, breached: Bool,
        statutoryDeadline: CalendarDate?, estimatedFirstWeek: CalendarDate?
    ) {
        self.referral = referral
        self.position = position
        self.priority = priority
        self.weeksWaited = weeksWaited
        self.targetWeeks = targetWeeks
        self.breached = breached
        self.statutoryDeadline = statutoryDeadline
        self.estimatedFirstWeek = estimatedFirstWeek
    }
}

/// Weekly minutes a service can give to first sessions of waiting referrals.
public struct ServiceCapacity: Hashable, Sendable {
    public var service: String
    public var minutesPerWeek: Int
    /// Minutes already taken by running series, week by week from next week.
    public var committed: [Int]

    /// Capacity of a service in minutes per week, less what running series take each week.
    public init(service: String, minutesPerWeek: Int, committed: [Int] = []) {
        self.service = service
        self.minutesPerWeek = minutesPerWeek
        self.committed = committed
    }
}

/// Orders waiting referrals by their current priority, recomputed as time passes.
public struct WaitingList: Sendable {
    public let config: TrustConfig
    public let fairShare: FairShare
    /// Each school's share of each service's time received so far, `[service: [urn: share]]`.
    public let received: [String: [String: Double]]
    /// The latest projection by the planner, if one has been made: promises come from it.
    public var projection: Projection?
    /// The weights in force, for scoring each entry.
    let threshold: Threshold
    /// Each service's pathways by name, and its default (looked up once per entry in the fill).
    let pathways: [String: (byName: [String: Pathway], standard: Pathway?)]

    /// A waiting list under `config`.
    public init(config: TrustConfig, fairShare: FairShare, received: [String: [String: Double]] = [:]) {
        self.config = config
        self.fairShare = fairShare
        self.received = received
        threshold = Threshold(config)
        pathways = Dictionary(
            config.services.map { rules in
                (rules.code, (Dictionary(rules.pathways.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }), rules.pathway(nil)))
            }, uniquingKeysWith: { a, _ in a })
    }

    /// The list of `referrals` with status `waiting`, per service in priority order, as of `today`.
    public func entries(_ referrals: [Referral], today: CalendarDate, capacity: [ServiceCapacity]) -> [WaitingEntry] {
        let waiting = referrals.filter { $0.status == .waiting }
        let minutes = Dictionary(capacity.map { ($0.service, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [WaitingEntry] = []
        for (service, group) in Dictionary(grouping: waiting, by: \.request.service).sorted(by: { $0.key < $1.key }) {
            let scored = group.map { entry($0, today: today) }
            let order = scored.indices.sorted { WaitingList.before(scored[$0], scored[$1]) }  // sort indices, not entries
            out += estimate(order.map { scored[$0] }, today: today, capacity: minutes[service])
        }
        if let projection { out = projected(out, projection, today: today) }
        return out.map { warned($0, today: today) }
    }

    /// The entry with a warning when its statutory deadline has passed, falls on a day its school
    /// is closed, or comes before the estimated first week (after the last school day before it).
    public func warned(_ e: WaitingEntry, today: CalendarDate) -> WaitingEntry {
        guard let deadline = e.statutoryDeadline else { return e }
        if deadline < today {
            var e = e
            e.deadlineWarning =
                "the statutory deadline \(deadline) has passed; the first session is expected in the week of \(e.estimatedFirstWeek?.description ?? "(no estimate)")"
            return e
        }
        var e = e
        var notes: [String] = []
        let school = e.referral.request.school
        let calendar = config.calendar
        let last = calendar.lastOpenDay(onOrBefore: deadline, school: school)
        if let why = calendar.closedReason(deadline, school: school), deadline.weekday != .sat, deadline.weekday != .sun {
            notes.append("the deadline \(deadline) falls in \(why); the last school day before it is \(last?.description ?? "not known")")
        }
        if let week = e.estimatedFirstWeek, let last, week > last {
            notes.append(
                "cannot be met as things stand: the first session is expected in the week of \(week), after \(last), the last school day before the deadline \(deadline); book it sooner or add \(config.statutory.service) time"
            )
        } else if e.estimatedFirstWeek == nil {
            notes.append("no first week can be estimated, so the deadline \(deadline) is at risk")
        }
        e.deadlineWarning = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return e
    }

    /// `entries` (per service, in order) with their estimates from the projection.
    func projected(_ entries: [WaitingEntry], _ projection: Projection, today: CalendarDate) -> [WaitingEntry] {
        let open = openWeeks(after: today).map(\.monday)
        guard let earliest = open.first else { return entries }
        var out: [WaitingEntry] = []
        for (_, group) in Dictionary(grouping: entries, by: \.referral.request.service).sorted(by: { $0.key < $1.key }) {
            let list = group.sorted { $0.position < $1.position }
            let weeks = projection.estimates(list, earliest: earliest, termWeeks: open)
            out += zip(list, weeks).map { e, w in
                var e = e
                e.estimatedFirstWeek = w
                e.estimateSource = "projection"
                return e
            }
        }
        return out
    }

    /// Higher priority first; then longer waiting; then lower id.
    public static func before(_ a: WaitingEntry, _ b: WaitingEntry) -> Bool {
        if a.priority != b.priority { return a.priority > b.priority }
        if a.weeksWaited != b.weeksWaited { return a.weeksWaited > b.weeksWaited }
        return a.referral.id < b.referral.id
    }

    /// One referral's entry as of `today`, before it is numbered and estimated. Its score is
    /// worked out under the trust's weights in force (not those of the day it was accepted), so a
    /// change of weights re-orders the whole list at once.
    public func entry(_ r: Referral, today: CalendarDate) -> WaitingEntry {
        let weeks = max(0, (today.dayNumber - r.request.receivedOn.dayNumber) / 7)
        let target = config.service(r.request.service)?.targetWeeks[r.band]
        let parts = PriorityBreakdown(
            score: Double(threshold.score(r.request)), waiting: config.ageingPointsPerWeek * Double(weeks), deadline: deadlinePoints(r, weeks: weeks),
            fairShare: fairShare.points(school: r.request.school, received: received[r.request.service]?[r.request.school] ?? 0))
        let priority = Int(parts.total.rounded())
        var e = WaitingEntry(
            referral: r, position: 0, priority: priority, weeksWaited: weeks,
            targetWeeks: target, breached: target.map { weeks > $0 } ?? false,
            statutoryDeadline: deadline(r), estimatedFirstWeek: nil)
        e.band = config.band(for: priority)
        e.breakdown = parts
        return e
    }

    /// The statutory deadline of an EHC needs assessment referral to the advising service.
    public func deadline(_ r: Referral) -> CalendarDate? {
        guard r.request.flags.ehcNeedsAssessment, r.request.service == config.statutory.service else { return nil }
        return r.request.receivedOn.adding(days: 7 * config.statutory.adviceWeeks)
    }

    /// Points that climb linearly from `climbFromWeek` to the full `climbPoints` at the deadline week, and stay there.
    func deadlinePoints(_ r: Referral, weeks: Int) -> Double {
        guard deadline(r) != nil else { return 0 }
        let rule = config.statutory
        let span = Double(max(1, rule.adviceWeeks - rule.climbFromWeek))
        return rule.climbPoints * max(0, min(1, Double(weeks - rule.climbFromWeek) / span))
    }

    /// Numbers the entries and estimates each first-session week by filling weekly capacity in
    /// list order: each referral's first session goes in the first week (from the one before it)
    /// with room, and its later sessions take their weeks' room too, as running series already do.
    /// Only weeks the schools are open count, each in proportion to its open days.
    func estimate(_ entries: [WaitingEntry], today: CalendarDate, capacity: ServiceCapacity?) -> [WaitingEntry] {
        let cap = capacity?.minutesPerWeek ?? 0
        var fill = Fill(weeks: openWeeks(after: today), cap: cap, committed: capacity?.committed ?? [])
        return entries.enumerated().map { k, e in
            var e = e
            e.position = k + 1
            guard cap > 0 else { return e }
            e.estimatedFirstWeek = fill.add(pathway(e))
            return e
        }
    }

    /// Where a new entry goes in a service's `sorted` list, numbered and estimated as
    /// `entries` would (for answering a submission without recomputing the whole list).
    /// `items`, when given, are the entries' fill items in the same order (kept by a cache, so
    /// that placing one referral does not look up every pathway before it).
    /// `weeks`, when given, are `openWeeks(after: today)` kept by the cache.
    public func place(
        _ new: WaitingEntry, in sorted: [WaitingEntry], today: CalendarDate, capacity: ServiceCapacity?,
        items: [FillItem]? = nil, weeks: [(monday: CalendarDate, share: Double)]? = nil
    ) -> (index: Int, entry: WaitingEntry) {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if WaitingList.before(sorted[mid], new) { lo = mid + 1 } else { hi = mid }
        }
        var entry = new
        entry.position = lo + 1
        guard let capacity, capacity.minutesPerWeek > 0 else { return (lo, entry) }
        if let projection {
            let earliest = (weeks ?? openWeeks(after: today)).first?.monday ?? today
            let next = sorted[lo...].lazy.compactMap { projection.firstWeek[$0.referral.id] }.first
            entry.estimatedFirstWeek = next.map { max($0, earliest) } ?? sorted.last?.estimatedFirstWeek
            entry.estimateSource = "projection"
            return (lo, warned(entry, today: today))
        }
        var fill = Fill(weeks: (weeks ?? openWeeks(after: today)), cap: capacity.minutesPerWeek, committed: capacity.committed)
        let items = items ?? sorted.map { fillItem($0.referral) }
        for k in 0..<lo { _ = fill.add(items[k]) }
        entry.estimatedFirstWeek = fill.add(pathway(new))
        return (lo, warned(entry, today: today))
    }

    /// The Mondays from next week on, each with the share of its weekdays the trust is open
    /// (closed weeks left out), two years ahead.
    public func openWeeks(after today: CalendarDate) -> [(monday: CalendarDate, share: Double)] {
        let next = today.adding(days: 7 - today.weekday.index)
        return (0..<104).compactMap { w in
            let monday = next.adding(days: 7 * w)
            let open = config.calendar.trustWide.openDays(week: monday).filter { $0 < .sat }.count
            return open == 0 ? nil : (monday, Double(open) / 5)
        }
    }

    /// Fills open weeks in list order. A first session goes in the first week from the current
    /// one with room for it (an empty week takes even one longer than its room); the series'
    /// later sessions take room in the weeks they fall due.
    struct Fill {
        let weeks: [(monday: CalendarDate, share: Double)]
        let cap: Int
        var used: [Double]
        var week = 0

        init(weeks: [(monday: CalendarDate, share: Double)], cap: Int, committed: [Int]) {
            self.weeks = weeks
            self.cap = cap
            used = (0..<weeks.count).map { $0 < committed.count ? Double(committed[$0]) : 0 }
        }

        func capacity(_ w: Int) -> Double { Double(cap) * weeks[w].share }

        /// The Monday the first session of `p` is estimated for (`nil` beyond two years).
        mutating func add(_ p: Pathway) -> CalendarDate? { add(FillItem(p)) }

        mutating func add(_ p: FillItem) -> CalendarDate? {
            let minutes = Double(p.minutes)
            while week < weeks.count, used[week] + minutes > capacity(week), used[week] > 0 { week += 1 }
            guard week < weeks.count else { return nil }
            for k in 0..<Int(p.sessions) where week + k * Int(p.everyWeeks) < weeks.count { used[week + k * Int(p.everyWeeks)] += minutes }
            return weeks[week].monday
        }
    }

    /// What the fill needs of a referral's pathway, small enough to keep beside a cached list.
    public struct FillItem: Hashable, Sendable {
        var minutes: Int32, sessions: Int32, everyWeeks: Int32

        init(_ p: Pathway) {
            minutes = Int32(p.minutes)
            sessions = Int32(p.sessions)
            everyWeeks = Int32(max(1, p.everyWeeks))
        }
    }

    /// The fill item of `r`'s pathway.
    public func fillItem(_ r: Referral) -> FillItem { FillItem(pathway(r)) }

    func pathway(_ e: WaitingEntry) -> Pathway { pathway(e.referral) }

    func pathway(_ r: Referral) -> Pathway {
        let known = pathways[r.request.service]
        return known?.byName[r.pathway] ?? known?.standard ?? Pathway(name: "", sessions: 1, minutes: 60)
    }

    func minutes(_ e: WaitingEntry) -> Int {
        config.service(e.referral.request.service)?.pathway(e.referral.pathway)?.minutes ?? 60
    }
}
