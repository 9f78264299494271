/// Moves a run of one to three consecutive stops (often a whole school visit) elsewhere
/// in the same route, when that shortens it and keeps every window. The travel change
/// is computed in constant time; only shortening moves are timed in full.
struct OrOptMove: Move {
    let vehicle: Int
    let stops: [Int]
    let gain: MoveGain

    /// The best improving segment move in route `v`, if any.
    static func best(in v: Int, _ sol: Solution, _ p: PlanningProblem) -> OrOptMove? {
        let route = sol.routes[v]
        guard route.count >= 2 else { return nil }
        var best: OrOptMove?
        var trial = route
        for length in 1...min(3, route.count - 1) {
            for i in 0...(route.count - length) {
                let head = route.point(i, p)
                let tail = route.point(i + length - 1, p)
                let before = route.point(i - 1, p)
                let after = route.point(i + length, p)
                let cut = p.t(before, head) + p.t(tail, after) - p.t(before, after)
                for k in 0...(route.count - length) where k != i {
                    let x = restPoint(k - 1, i, length, route, p)
                    let y = restPoint(k, i, length, route, p)
                    let saved = cut - (p.t(x, head) + p.t(tail, y) - p.t(x, y))
                    guard saved > 0, best == nil || saved > best!.gain.travelSaved else { continue }
                    var stops = route.stops
                    let segment = Array(stops[i..<(i + length)])
                    stops.removeSubrange(i..<(i + length))
                    stops.insert(contentsOf: segment, at: k)
                    trial.setStops(stops, p)
                    if trial.isFeasible(p) {
                        best = OrOptMove(vehicle: v, stops: stops, gain: MoveGain(served: 0, travelSaved: route.travel - trial.travel))
                    }
                }
            }
        }
        return best
    }

    /// Point at position `m` of the route with the segment `[i, i+length)` taken out.
    private static func restPoint(_ m: Int, _ i: Int, _ length: Int, _ route: Route, _ p: PlanningProblem) -> Int {
        if m < 0 || m >= route.count - length { return p.vehicles[route.vehicle].base }
        return route.point(m < i ? m : m + length, p)
    }

    func apply(to sol: inout Solution, _ p: PlanningProblem) -> (touched: [Int], ejected: [Int]) {
        sol.reorder(vehicle: vehicle, stops, p)
        return ([vehicle], [])
    }
}
