/// A service's way of working with a pupil: how many sessions, how long, how often, with whom.
public struct Pathway: Hashable, Sendable {
    public var name: String
    public var sessions: Int
    public var minutes: Int
    /// Weeks between sessions of a series.
    public var everyWeeks: Int
    /// The same specialist for every session (continuity of care).
    public var sameSpecialist: Bool
    /// Each session on the weekday of the first: never, where capacity allows, or always.
    public var sameWeekday: ContinuityRule
    /// Each session at the first one's time, within `timeToleranceMinutes` either way.
    public var sameTime: ContinuityRule
    /// How far from the first session's start a later one may start and still be "the same time".
    public var timeToleranceMinutes: Int

    /// A pathway with every field.
    public init(
        name: String, sessions: Int, minutes: Int, everyWeeks: Int = 1, sameSpecialist: Bool = false, sameWeekday: ContinuityRule = .no,
        sameTime: ContinuityRule = .no, timeToleranceMinutes: Int = 30
    ) {
        self.name = name
        self.sessions = sessions
        self.minutes = minutes
        self.everyWeeks = everyWeeks
        self.sameSpecialist = sameSpecialist
        self.sameWeekday = sameWeekday
        self.sameTime = sameTime
        self.timeToleranceMinutes = timeToleranceMinutes
    }
}

/// How firmly a block keeps something of its first session (its weekday, its time): not at all,
/// wherever the week's capacity allows (`preferred`: a session that cannot have it this week is
/// placed elsewhere in the week rather than left out), or always (`required`: left out instead).
public enum ContinuityRule: String, CaseIterable, Sendable {
    case no
    case preferred
    case required

    /// Whether the rule asks for anything.
    public var applies: Bool { self != .no }
}

/// One service's rules: who joins its waiting list, and how quickly they should be seen.
public struct ServiceRules: Hashable, Sendable {
    public var code: String
    public var name: String
    /// The score a referral needs to join the waiting list.
    public var threshold: Int
    /// Assess-plan-do-review cycles the school must have completed (waived for an EHC needs assessment).
    public var apdrCycles: Int
    /// Target wait in weeks for each priority band.
    public var targetWeeks: [String: Int]
    public var pathways: [Pathway]
    /// The pathway used when a referral names none.
    public var defaultPathway: String

    /// Rules with every field.
    public init(
        code: String, name: String, threshold: Int, apdrCycles: Int, targetWeeks: [String: Int],
        pathways: [Pathway], defaultPathway: String
    ) {
        self.code = code
        self.name = name
        self.threshold = threshold
        self.apdrCycles = apdrCycles
        self.targetWeeks = targetWeeks
        self.pathways = pathways
        self.defaultPathway = defaultPathway
    }

    /// The pathway called `name`, or the default.
    public func pathway(_ name: String?) -> Pathway? {
        pathways.first { $0.name == (name ?? defaultPathway) }
    }
}

/// Points a referral's circumstances add to its score.
public struct PriorityWeights: Hashable, Sendable {
    /// Points per severity level (1–5).
    public var severity: Double
    public var ehcPlan: Double
    public var ehcNeedsAssessment: Double
    public var exclusionRisk: Double
    public var lookedAfter: Double
    public var safeguarding: Double

    /// Weights with every field.
    public init(
        severity: Double, ehcPlan: Double, ehcNeedsAssessment: Double, exclusionRisk: Double,
        lookedAfter: Double, safeguarding: Double
    ) {
        self.severity = severity
        self.ehcPlan = ehcPlan
        self.ehcNeedsAssessment = ehcNeedsAssessment
        self.exclusionRisk = exclusionRisk
        self.lookedAfter = lookedAfter
        self.safeguarding = safeguarding
    }
}

extension PriorityWeights {
    /// The points `flag` adds.
    public subscript(flag: ReferralFlag) -> Double {
        get { self[keyPath: PriorityWeights.path(flag)] }
        set { self[keyPath: PriorityWeights.path(flag)] = newValue }
    }

    private static func path(_ flag: ReferralFlag) -> WritableKeyPath<PriorityWeights, Double> {
        switch flag {
        case .ehcPlan: \.ehcPlan
        case .ehcNeedsAssessment: \.ehcNeedsAssessment
        case .exclusionRisk: \.exclusionRisk
        case .lookedAfter: \.lookedAfter
        case .safeguarding: \.safeguarding
        }
    }
}

/// The statutory deadline: EP advice within `adviceWeeks` of an EHC needs assessment request,
/// with priority climbing as the deadline nears.
public struct StatutoryRule: Hashable, Sendable {
    /// The service that gives the advice (EP).
    public var service: String
    public var adviceWeeks: Int
    /// Weeks after the request when priority starts to climb.
    public var climbFromWeek: Int
    /// Points added by the deadline week, rising linearly from `climbFromWeek`.
    public var climbPoints: Double

    /// A rule with every field.
    public init(service: String, adviceWeeks: Int, climbFromWeek: Int, climbPoints: Double) {
        self.service = service
        self.adviceWeeks = adviceWeeks
        self.climbFromWeek = climbFromWeek
        self.climbPoints = climbPoints
    }
}

/// Each school's entitlement from its pupils, SEN support and EHC plans, as local authorities
/// share EP time; a school below its share gains up to `maxPoints`.
public struct FairShareRule: Hashable, Sendable {
    public var perPupil: Double
    public var perSENSupport: Double
    public var perEHCPlan: Double
    public var maxPoints: Double

    /// A rule with every field.
    public init(perPupil: Double, perSENSupport: Double, perEHCPlan: Double, maxPoints: Double) {
        self.perPupil = perPupil
        self.perSENSupport = perSENSupport
        self.perEHCPlan = perEHCPlan
        self.maxPoints = maxPoints
    }
}

/// A named priority band and the score at which it starts.
public struct PriorityBand: Hashable, Sendable {
    public var name: String
    public var minScore: Int

    /// A band from its name and lowest score.
    public init(name: String, minScore: Int) {
        self.name = name
        self.minScore = minScore
    }
}

/// How long a trust keeps a pupil's reference and the notes about them once a referral is over:
/// `closedYears` after the last session (or the closing, if none was held) for a completed or
/// withdrawn referral, `declinedYears` after the decision for a declined one. Anonymous counts
/// (service, school, dates, status) are kept for reports.
public struct RetentionRule: Hashable, Sendable {
    public var closedYears = 7
    public var declinedYears = 1

    /// The rule, 7 and 1 years unless told otherwise.
    public init(closedYears: Int = 7, declinedYears: Int = 1) {
        self.closedYears = closedYears
        self.declinedYears = declinedYears
    }
}

/// How the weekly job plans a week (`planning`).
public struct PlanningRule: Hashable, Sendable {
    /// Seconds the weekly job's planner spends looking for a better week (`search_seconds`); 0 stops
    /// the search as soon as it stops improving on its own (a few seconds for a trust's week).
    public var searchSeconds = 30
    /// School days' notice a new booking needs (`notice_school_days`): a session is booked on a
    /// day only if at least this many days the trust's schools are open come after today, up to
    /// and including that day. 0 allows bookings for today (before the school day starts).
    public var noticeSchoolDays = 2
    /// Every specialist's lunch break on a full working day, unless their roster row sets their
    /// own or none (`lunch_break`); `nil` when the trust sets none.
    public var lunchBreak: DayBreak? = PlanningRule.standardBreak

    /// 30 minutes between 12:00 and 13:30.
    public static let standardBreak = DayBreak(minutes: 30, earliest: ClockTime(minutes: 720), latestEnd: ClockTime(minutes: 810))

    /// The rule, 30 seconds, 2 school days' notice and the standard break unless told otherwise.
    public init(searchSeconds: Int = 30, noticeSchoolDays: Int = 2, lunchBreak: DayBreak? = PlanningRule.standardBreak) {
        self.searchSeconds = searchSeconds
        self.noticeSchoolDays = noticeSchoolDays
        self.lunchBreak = lunchBreak
    }

    /// The day as it is planned: its own break from the roster (one of 0 minutes meaning none), or
    /// the trust's on a day that spans the trust's break window.
    public func withBreak(_ day: WorkingDay) -> WorkingDay {
        var day = day
        if let own = day.rest {
            day.rest = own.minutes > 0 ? own : nil
        } else if let standard = lunchBreak, day.start <= standard.earliest, standard.latestEnd <= day.end {
            day.rest = standard
        }
        return day
    }
}

/// Everything a trust leader sets: thresholds, weights, deadlines, fair shares, per service.
public struct TrustConfig: Hashable, Sendable {
    public var trustName: String
    public var weights: PriorityWeights
    public var ageingPointsPerWeek: Double
    public var statutory: StatutoryRule
    public var fairShare: FairShareRule
    /// Highest first.
    public var bands: [PriorityBand]
    public var services: [ServiceRules]
    /// How far back a leader may date a paper referral's receipt (`intake.max_backdate_weeks`).
    public var maxBackdateWeeks = 12
    /// The shape every pupil reference must also have (`intake.pupil_ref_pattern`, a regular
    /// expression such as the DfE unique pupil number's `^[A-Z][0-9]{12}$`), if the trust sets one.
    public var pupilRefPattern: String?
    /// The school year: terms, holidays and trust-wide closures (`calendar`), plus each school's
    /// stored closures once the store has added them.
    public var calendar = SchoolCalendar()
    /// Each school's day (`school_day`).
    public var schoolDay = SchoolDayRule.fallback
    /// How long pupil-identifying data is kept (`retention`).
    public var retention = RetentionRule()
    /// How the weekly job plans (`planning`).
    public var planning = PlanningRule()
    /// How urgent first sessions get in (`urgency`).
    public var urgency = UrgencyRule()
    /// How people sign in to the pages (`sign_in`).
    public var signIn = SignInRule()
    /// How messages are sent (`notifications`); `nil`: they wait in the outbox.
    public var notifications: NotificationRule?
    /// The jobs `caseload serve` runs by itself (`jobs`).
    public var jobs = JobsRule()

    /// A configuration with every field.
    public init(
        trustName: String, weights: PriorityWeights, ageingPointsPerWeek: Double, statutory: StatutoryRule,
        fairShare: FairShareRule, bands: [PriorityBand], services: [ServiceRules]
    ) {
        self.trustName = trustName
        self.weights = weights
        self.ageingPointsPerWeek = ageingPointsPerWeek
        self.statutory = statutory
        self.fairShare = fairShare
        self.bands = bands.sorted { $0.minScore > $1.minScore }
        self.services = services
    }

    /// The rules of service `code`, if the trust runs it.
    public func service(_ code: String) -> ServiceRules? { services.first { $0.code == code } }

    /// The band a score falls in.
    public func band(for score: Int) -> String {
        (bands.first { score >= $0.minScore } ?? bands.last)?.name ?? "routine"
    }
}
