import Foundation

/// Why a session was left out of the week, in a form a person can act on.
public enum UnassignedCode: String, Sendable, Codable, CaseIterable {
    /// No specialist of the session's service has every skill it needs.
    case missingSkill = "missing_skill"
    /// No specialist delivers the session's service at all.
    case noService = "no_service"
    /// The pinned specialist does not work on any allowed day.
    case pinnedUnavailable = "pinned_unavailable"
    /// No allowed specialist works on any of the session's allowed days.
    case noAllowedDay = "no_allowed_day"
    /// The session's own window cannot hold it on any allowed working day.
    case windowTooShort = "window_too_short"
    /// The school is too far from every allowed specialist's base for the day's window or travel cap.
    case outOfReach = "out_of_reach"
    /// Every feasible slot holds work of higher or equal priority.
    case capacity
    /// The specialists who can reach the school are full, while others with free time are out of
    /// reach of it: travel reach binds, not the service's hours.
    case fullWithinReach = "full_within_reach"
}

/// A session left unplaced, with its reason.
public struct UnassignedSession: Hashable, Sendable {
    public var session: String
    public var code: UnassignedCode
    /// One sentence a SENCO or leader can act on.
    public var reason: String

    /// An unplaced session with its reason code and sentence.
    public init(session: String, code: UnassignedCode, reason: String) {
        self.session = session
        self.code = code
        self.reason = reason
    }
}

/// One session placed in a route, starting at `start`.
public struct PlannedStop: Hashable, Sendable {
    public var session: String
    public var start: ClockTime

    /// A stop for `session` starting at `start`.
    public init(session: String, start: ClockTime) {
        self.session = session
        self.start = start
    }
}

/// One specialist's stops on one day, in the order visited.
public struct PlannedRoute: Hashable, Sendable {
    public var specialist: String
    public var day: Weekday
    public var stops: [PlannedStop]
    /// When the day's break starts, where the specialist takes one (`break_start`; readers may ignore it).
    public var breakStart: ClockTime?

    /// A route for a specialist-day.
    public init(specialist: String, day: Weekday, stops: [PlannedStop]) {
        self.specialist = specialist
        self.day = day
        self.stops = stops
    }
}

/// Figures about a plan that readers may ignore.
public struct PlanStatistics: Hashable, Sendable {
    public var servedPriority: Int
    public var totalPriority: Int
    public var travelMinutes: Int
    public var placedSessions: Int
    public var sessions: Int
    /// The spec's knapsack upper bound on served priority.
    public var upperBound: Int
    public var seconds: Double
    public var seed: UInt64
    public var iterations: Int
    /// Rounds of search: more than one only in the anytime search (not kept in the plan file).
    public var rounds = 1

    /// Figures of a plan.
    public init(
        servedPriority: Int, totalPriority: Int, travelMinutes: Int, placedSessions: Int, sessions: Int,
        upperBound: Int, seconds: Double, seed: UInt64, iterations: Int
    ) {
        self.servedPriority = servedPriority
        self.totalPriority = totalPriority
        self.travelMinutes = travelMinutes
        self.placedSessions = placedSessions
        self.sessions = sessions
        self.upperBound = upperBound
        self.seconds = seconds
        self.seed = seed
        self.iterations = iterations
    }

    /// Served priority over the upper bound, 0...1.
    public var shareOfBound: Double { upperBound == 0 ? 1 : Double(servedPriority) / Double(upperBound) }
}

/// The planner's answer for one week (`caseload-plan/1`).
public struct WeekPlan: Hashable, Sendable {
    /// The format tag this version reads and writes.
    public static let format = "caseload-plan/1"
    /// The scenario's name.
    public var scenario: String
    public var routes: [PlannedRoute]
    public var unassigned: [UnassignedSession]
    public var statistics: PlanStatistics?

    /// A plan from its parts.
    public init(scenario: String, routes: [PlannedRoute], unassigned: [UnassignedSession], statistics: PlanStatistics? = nil) {
        self.scenario = scenario
        self.routes = routes
        self.unassigned = unassigned
        self.statistics = statistics
    }
}
