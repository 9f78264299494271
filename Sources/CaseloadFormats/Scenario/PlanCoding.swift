import CaseloadCore
import Foundation

extension WeekPlan: Encodable {
    enum Keys: String, CodingKey {
        case format, scenario, routes, unassigned, statistics
        case specialist, day, stops, session, start, reason, code
        case sessions
        case seconds, seed, iterations
        case servedPriority = "served_priority"
        case totalPriority = "total_priority"
        case travelMin = "travel_min"
        case placedSessions = "placed_sessions"
        case upperBound = "upper_bound"
        case shareOfBound = "share_of_bound"
        case breakStart = "break_start"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(WeekPlan.format, forKey: .format)
        try c.encode(scenario, forKey: .scenario)
        var r = c.nestedUnkeyedContainer(forKey: .routes)
        for route in routes {
            var rc = r.nestedContainer(keyedBy: Keys.self)
            try rc.encode(route.specialist, forKey: .specialist)
            try rc.encode(route.day, forKey: .day)
            try rc.encodeIfPresent(route.breakStart?.description, forKey: .breakStart)
            var stops = rc.nestedUnkeyedContainer(forKey: .stops)
            for stop in route.stops {
                var sc = stops.nestedContainer(keyedBy: Keys.self)
                try sc.encode(stop.session, forKey: .session)
                try sc.encode(stop.start.description, forKey: .start)
            }
        }
        var u = c.nestedUnkeyedContainer(forKey: .unassigned)
        for item in unassigned {
            var uc = u.nestedContainer(keyedBy: Keys.self)
            try uc.encode(item.session, forKey: .session)
            try uc.encode(item.code, forKey: .code)
            try uc.encode(item.reason, forKey: .reason)
        }
        if let statistics { try encodeStatistics(statistics, into: &c) }
    }

    private func encodeStatistics(_ s: PlanStatistics, into c: inout KeyedEncodingContainer<Keys>) throws {
        var sc = c.nestedContainer(keyedBy: Keys.self, forKey: .statistics)
        try sc.encode(s.servedPriority, forKey: .servedPriority)
        try sc.encode(s.totalPriority, forKey: .totalPriority)
        try sc.encode(s.travelMinutes, forKey: .travelMin)
        try sc.encode(s.placedSessions, forKey: .placedSessions)
        try sc.encode(s.sessions, forKey: .sessions)
        try sc.encode(s.upperBound, forKey: .upperBound)
        try sc.encode((s.shareOfBound * 10_000).rounded() / 10_000, forKey: .shareOfBound)
        try sc.encode((s.seconds * 1000).rounded() / 1000, forKey: .seconds)
        try sc.encode(s.seed, forKey: .seed)
        try sc.encode(s.iterations, forKey: .iterations)
    }

    /// The plan as pretty-printed JSON with sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a `caseload-plan/1` document (routes and unassigned; statistics are not read back).
    public static func decode(_ data: Data) throws(InputError) -> WeekPlan {
        let root = try JSONFields(JSONValue.parse(data, what: "plan"), path: "")
        guard try root.string("format") == WeekPlan.format else {
            throw root.error("format", "must be \"\(WeekPlan.format)\"")
        }
        var routes: [PlannedRoute] = []
        for (i, value) in try root.array("routes").enumerated() {
            routes.append(try decodeRoute(JSONFields(value, path: "routes[\(i)]")))
        }
        var unassigned: [UnassignedSession] = []
        for (i, value) in (root.optional("unassigned") == nil ? [] : try root.array("unassigned")).enumerated() {
            let f = try JSONFields(value, path: "unassigned[\(i)]")
            let code = UnassignedCode(rawValue: try f.optionalString("code") ?? "") ?? .capacity
            unassigned.append(UnassignedSession(session: try f.string("session"), code: code, reason: try f.string("reason")))
        }
        return WeekPlan(scenario: try root.string("scenario"), routes: routes, unassigned: unassigned)
    }

    private static func decodeRoute(_ f: JSONFields) throws(InputError) -> PlannedRoute {
        let dayText = try f.string("day")
        guard let day = Weekday(rawValue: dayText) else { throw f.error("day", "\"\(dayText)\" is not a day") }
        var stops: [PlannedStop] = []
        for (i, value) in try f.array("stops").enumerated() {
            let s = try JSONFields(value, path: "\(f.path).stops[\(i)]")
            stops.append(PlannedStop(session: try s.string("session"), start: try s.time("start")))
        }
        var route = PlannedRoute(specialist: try f.string("specialist"), day: day, stops: stops)
        route.breakStart = try f.optionalTime("break_start")
        return route
    }
}
