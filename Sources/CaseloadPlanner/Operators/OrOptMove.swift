/// Moves a run of one to three consecutive stops (often a whole school visit) elsewhere
/// in the same route, when that shortens it and keeps every window.
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
                var rest = route.stops
                let segment = Array(rest[i..<(i + length)])
                rest.removeSubrange(i..<(i + length))
                for k in 0...rest.count where k != i {
                    var stops = rest
                    stops.insert(contentsOf: segment, at: k)
                    trial.setStops(stops, p)
                    let gain = MoveGain(served: 0, travelSaved: route.travel - trial.travel)
                    if gain.isImproving, trial.isFeasible(p), best == nil || gain > best!.gain {
                        best = OrOptMove(vehicle: v, stops: stops, gain: gain)
                    }
                }
            }
        }
        return best
    }

    func apply(to sol: inout Solution, _ p: PlanningProblem) -> (touched: [Int], ejected: [Int]) {
        sol.reorder(vehicle: vehicle, stops, p)
        return ([vehicle], [])
    }
}
