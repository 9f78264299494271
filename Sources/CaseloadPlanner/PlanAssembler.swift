import CaseloadCore

/// Writes a search solution out as a `caseload-plan/1` plan with reasons and statistics.
struct PlanAssembler: Sendable {
    let p: PlanningProblem

    init(_ p: PlanningProblem) { self.p = p }

    func plan(_ sol: Solution, seconds: Double, seed: UInt64, iterations: Int) -> WeekPlan {
        let explainer = UnassignedExplainer(p, routes: sol.routes)
        let unassigned = sol.unassigned.map { explainer.explain($0) }
        let stats = PlanStatistics(
            servedPriority: sol.served, totalPriority: p.priority.reduce(0, +), travelMinutes: sol.travel,
            placedSessions: sol.placedCount, sessions: p.duration.count,
            upperBound: UpperBound.knapsack(p.scenario), seconds: seconds, seed: seed, iterations: iterations)
        return WeekPlan(scenario: p.scenario.name, routes: routes(sol), unassigned: unassigned, statistics: stats)
    }

    func routes(_ sol: Solution) -> [PlannedRoute] {
        sol.routes.filter { !$0.isEmpty }.map { route in
            let veh = p.vehicles[route.vehicle]
            let (starts, rest) = route.scheduleWithBreak(p)
            let stops = route.stops.indices.map { i in
                PlannedStop(session: p.scenario.sessions[route.stops[i]].id, start: ClockTime(minutes: starts[i]))
            }
            var planned = PlannedRoute(specialist: p.scenario.specialists[veh.specialist].id, day: veh.day, stops: stops)
            planned.breakStart = rest.map { ClockTime(minutes: $0) }
            return planned
        }
    }
}
