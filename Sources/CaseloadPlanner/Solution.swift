/// Where every session is: in a route, or unassigned. Totals are kept up to date.
struct Solution: Sendable {
    private(set) var routes: [Route]
    /// The vehicle each session is in, or -1.
    private(set) var vehicleOf: [Int]
    private(set) var served = 0
    private(set) var travel = 0
    /// Vehicles changed since the log was last cleared (may repeat).
    var changed: [Int] = []

    init(_ p: PlanningProblem) {
        routes = p.vehicles.indices.map { Route(vehicle: $0, p) }
        vehicleOf = Array(repeating: -1, count: p.duration.count)
    }

    /// Lexicographic: more served priority, then less travel.
    func isBetter(than other: Solution) -> Bool {
        served != other.served ? served > other.served : travel < other.travel
    }

    /// A single number for annealing: a priority point outweighs `travelWeight` minutes.
    func score(travelWeight: Double) -> Double { Double(served) - Double(travel) / travelWeight }

    var placedCount: Int { vehicleOf.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }

    var unassigned: [Int] { vehicleOf.indices.filter { vehicleOf[$0] < 0 } }

    /// Vehicles whose stops differ from `other`'s (a solution of the same problem).
    func vehicles(differingFrom other: Solution) -> [Int] {
        routes.indices.filter { routes[$0].stops != other.routes[$0].stops }
    }

    mutating func insert(_ u: Int, vehicle v: Int, at i: Int, _ p: PlanningProblem) {
        travel -= routes[v].travel
        routes[v].insert(u, at: i, p)
        travel += routes[v].travel
        served += p.priority[u]
        vehicleOf[u] = v
        changed.append(v)
    }

    /// Removes `u` from its route; returns the vehicle it was in.
    @discardableResult
    mutating func remove(_ u: Int, _ p: PlanningProblem) -> Int {
        let v = vehicleOf[u]
        guard v >= 0, let i = routes[v].stops.firstIndex(of: u) else { return -1 }
        travel -= routes[v].travel
        _ = routes[v].remove(at: i, p)
        travel += routes[v].travel
        served -= p.priority[u]
        vehicleOf[u] = -1
        changed.append(v)
        return v
    }

    /// Replaces a route's stop order with `stops` (same sessions, or a subset that
    /// the caller has already taken out with `remove`).
    mutating func reorder(vehicle v: Int, _ stops: [Int], _ p: PlanningProblem) {
        travel -= routes[v].travel
        routes[v].setStops(stops, p)
        travel += routes[v].travel
        changed.append(v)
    }

    /// Takes out stops until the route is feasible again (only needed where the
    /// same-site rule breaks the triangle inequality); returns what it took out.
    mutating func restoreFeasibility(vehicle v: Int, _ p: PlanningProblem) -> [Int] {
        var dropped: [Int] = []
        while !routes[v].isFeasible(p),
            let worst = routes[v].stops.min(by: { (p.locked[$0] ? 1000 : 0) + p.priority[$0] < (p.locked[$1] ? 1000 : 0) + p.priority[$1] })
        {
            remove(worst, p)
            dropped.append(worst)
        }
        return dropped
    }
}
