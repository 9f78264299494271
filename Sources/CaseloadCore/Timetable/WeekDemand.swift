/// Why a waiting referral is not in the week's plan at all (before the planner runs).
public struct LeftOut: Hashable, Sendable {
    public var referral: Int64
    public var code: String
    public var reason: String
}

/// Builds one week's planning problem from the trust's state: sessions due in running series
/// (pinned to their specialist, and weekday where the pathway says so), first sessions for the
/// highest-priority waiting referrals, and statutory deadlines falling due; specialists' working
/// patterns less their leave. Priorities map to the spec's 1–100: a kept booking 100, a deadline due
/// this week 99, a running series 90, and waiting referrals 1–89 by their place on the list.
public struct WeekDemand: Sendable {
    public struct Input: Sendable {
        public var weekStart: CalendarDate
        public var config: TrustConfig
        public var schools: [SchoolRecord]
        public var roster: [Specialist]
        public var leave: [Leave]
        /// Waiting referrals in list order, as of `weekStart`.
        public var waiting: [WaitingEntry]
        /// Active referrals with their series.
        public var active: [(Referral, Series)]
        /// Bookings to keep exactly where they are (re-planning a published week).
        public var keep: [Booking] = []
        /// Bookings that have begun or have an outcome: the record of the week, kept exactly
        /// where they are whatever else changes (leave recorded later included).
        public var frozen: [Booking] = []
        /// Days new sessions may still go on (all, unless part of the week has passed or falls
        /// inside the trust's notice).
        public var openDays: Set<Weekday> = Set(Weekday.allCases)
        /// Days still to come that new sessions may not go on because they fall inside the
        /// trust's notice (so that a session left out says so).
        public var insideNotice: Set<Weekday> = []
        /// Running blocks whose `preferred` weekday or time is let go this time (the week could
        /// not hold them there: a second pass places them elsewhere in the week).
        public var relaxed: Set<Int64> = []
        /// Leaders' overrides by referral (`Override`).
        public var overrides: [Int64: Override] = [:]
        /// The priority of a kept booking from an earlier pass of the same plan (else 100).
        public var keptPriority: [String: Int] = [:]

        /// Everything the week is built from.
        public init(
            weekStart: CalendarDate, config: TrustConfig, schools: [SchoolRecord], roster: [Specialist], leave: [Leave],
            waiting: [WaitingEntry], active: [(Referral, Series)], keep: [Booking] = [], overrides: [Int64: Override] = [:]
        ) {
            self.weekStart = weekStart
            self.config = config
            self.schools = schools
            self.roster = roster
            self.leave = leave
            self.waiting = waiting
            self.active = active
            self.keep = keep
            self.overrides = overrides
        }
    }

    /// The school day sessions fitted in before schools had their own (the trust default when
    /// `school_day` is not set), and the start of the day for what counts as begun.
    public static let schoolDay = (start: ClockTime(minutes: 540), end: ClockTime(minutes: 915))
    /// First sessions offered per service: enough to fill this many times its week.
    public static let shortlistFactor = 2.0

    public let input: Input
    /// The schools by URN.
    let schools: [String: SchoolRecord]

    /// A builder over `input`.
    public init(_ input: Input) {
        self.input = input
        schools = Dictionary(input.schools.map { ($0.urn, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The session id of session `number` of referral `referral`.
    public static func sessionId(referral: Int64, number: Int) -> String { "r\(referral)-s\(number)" }

    /// The week's scenario, and the waiting referrals left out of it with why.
    public func build(name: String) -> (scenario: WeekScenario, leftOut: [LeftOut]) {
        let specialists = input.roster.map(available)
        let (series, seriesLeftOut) = seriesSessions()
        let held = kept() + series
        let committed = Dictionary(held.map { ($0.service, $0.durationMin) }, uniquingKeysWith: +)
        let (firsts, leftOut) = firstSessions(specialists, committed: committed)
        let sessions = held + firsts
        let scenario = WeekScenario(
            name: name, weekStart: input.weekStart.description, travel: .standard,
            schools: input.schools.map { School(id: $0.urn, name: $0.name, location: $0.location) },
            specialists: specialists, sessions: sessions)
        return (scenario, seriesLeftOut + leftOut)
    }

    /// The specialist's working days this week, less leave (none when away all week: they
    /// stay in the scenario so that their pinned sessions say why they are not booked), each with
    /// its lunch break (their own, or the trust's). Days already past stay only where they hold
    /// the week's record (frozen bookings).
    func available(_ s: Specialist) -> Specialist {
        var s = s
        s.days = s.days.map(input.config.planning.withBreak)
        let away = input.leave.filter { $0.specialist == s.id }
        let recorded = Set(input.frozen.filter { $0.specialist == s.id }.map(\.day))
        s.days = s.days.compactMap { d in
            if recorded.contains(d.day) { return d }
            guard input.openDays.contains(d.day), trustOpen(d.day) else { return nil }
            return away.filter { $0.covers(date(d.day)) }.reduce(d as WorkingDay?) { left, leave in left.flatMap(leave.part.remaining) }
        }
        return s
    }

    /// `days` narrowed to the days still open; `nil` stays `nil` while the whole week is open.
    func openDays(_ days: [Weekday]?) -> [Weekday]? {
        if input.openDays.count == Weekday.allCases.count { return days }
        return (days ?? Weekday.allCases).filter(input.openDays.contains)
    }

    func kept() -> [Session] {
        (input.frozen + input.keep).map { b in
            let minutes = b.end.minutes - b.start.minutes
            return Session(
                id: b.sessionId, referral: "r\(b.referral)", school: b.school, service: service(of: b.referral),
                durationMin: minutes, priority: input.keptPriority[b.sessionId] ?? 100, specialist: b.specialist, days: [b.day],
                earliest: b.start, latestEnd: b.end)
        }
    }

    func service(of referral: Int64) -> String {
        input.active.first { $0.0.id == referral }?.0.request.service
            ?? input.waiting.first { $0.referral.id == referral }?.referral.request.service ?? ""
    }
}
