/// A day swap: two school visits (every session a specialist-day has at one school) change
/// places between two specialist-days of the same service, each put where it costs least in its
/// new day. It lets two specialists trade schools, or one specialist trade days, when neither
/// visit fits the other day alone.
struct VisitSwapMove: Move {
    let first: Int, second: Int
    let firstStops: [Int], secondStops: [Int]
    let gain: MoveGain

    /// The visits of a route: its sessions grouped by school, in route order.
    static func visits(_ route: Route, _ p: PlanningProblem) -> [[Int]] {
        var bySchool: [Int: [Int]] = [:]
        var order: [Int] = []
        for u in route.stops {
            if bySchool[p.school[u]] == nil { order.append(p.school[u]) }
            bySchool[p.school[u], default: []].append(u)
        }
        return order.map { bySchool[$0]! }
    }

    /// The best improving swap of `visit` (in vehicle `a`) with a visit in another allowed route.
    static func best(for visit: [Int], in a: Int, _ sol: Solution, _ p: PlanningProblem) -> VisitSwapMove? {
        guard !visit.contains(where: { p.locked[$0] }) else { return nil }
        let routeA = sol.routes[a]
        let restA = routeA.stops.filter { !visit.contains($0) }
        var best: VisitSwapMove?
        for b in allowed(visit, p) where b != a && !sol.routes[b].isEmpty {
            let routeB = sol.routes[b]
            for other in visits(routeB, p) where other.allSatisfy({ !p.locked[$0] && p.candidates[$0].contains(a) }) {
                guard let newA = cheapest(restA, inserting: other, a, p),
                    let newB = cheapest(routeB.stops.filter { !other.contains($0) }, inserting: visit, b, p)
                else { continue }
                let saved =
                    routeA.travel + routeB.travel - newA.travel - newB.travel + penalty(visit, a, p)
                    + penalty(other, b, p) - penalty(visit, b, p) - penalty(other, a, p)
                let gain = MoveGain(served: 0, travelSaved: saved)
                if gain.isImproving, best == nil || gain > best!.gain {
                    best = VisitSwapMove(first: a, second: b, firstStops: newA.stops, secondStops: newB.stops, gain: gain)
                }
            }
        }
        return best
    }

    /// Vehicles every session of `visit` may use.
    static func allowed(_ visit: [Int], _ p: PlanningProblem) -> [Int] {
        visit.dropFirst().reduce(p.candidates[visit[0]]) { kept, u in kept.filter { p.candidates[u].contains($0) } }
    }

    /// `stops` with `visit` inserted as one run where the day travels least, if any place is feasible.
    static func cheapest(_ stops: [Int], inserting visit: [Int], _ v: Int, _ p: PlanningProblem) -> Route? {
        var best: Route?
        var trial = Route(vehicle: v, p)
        for i in 0...stops.count {
            trial.setStops(Array(stops[..<i]) + visit + Array(stops[i...]), p)
            if trial.isFeasible(p), best == nil || trial.travel < best!.travel { best = trial }
        }
        return best
    }

    static func penalty(_ visit: [Int], _ v: Int, _ p: PlanningProblem) -> Int {
        visit.reduce(0) { $0 + p.penalty($1, v) }
    }

    func apply(to sol: inout Solution, _ p: PlanningProblem) -> (touched: [Int], ejected: [Int]) {
        let toFirst = firstStops.filter { sol.vehicleOf[$0] != first }
        let toSecond = secondStops.filter { sol.vehicleOf[$0] != second }
        for u in toFirst + toSecond { sol.remove(u, p) }
        for u in toFirst { sol.insert(u, vehicle: first, at: sol.routes[first].count, p) }
        for u in toSecond { sol.insert(u, vehicle: second, at: sol.routes[second].count, p) }
        sol.reorder(vehicle: first, firstStops, p)
        sol.reorder(vehicle: second, secondStops, p)
        return ([first, second], [])
    }
}
