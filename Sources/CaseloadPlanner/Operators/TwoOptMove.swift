/// Reverses a stretch of one route when that shortens it and keeps every window.
struct TwoOptMove: Move {
    let vehicle: Int
    let stops: [Int]
    let gain: MoveGain

    /// The best improving reversal in route `v`, if any.
    static func best(in v: Int, _ sol: Solution, _ p: PlanningProblem) -> TwoOptMove? {
        let route = sol.routes[v]
        guard route.count >= 2 else { return nil }
        var best: TwoOptMove?
        var trial = route
        for i in 0..<(route.count - 1) {
            for j in (i + 1)..<route.count {
                var stops = route.stops
                stops[i...j].reverse()
                trial.setStops(stops, p)
                let gain = MoveGain(served: 0, travelSaved: route.travel - trial.travel)
                if gain.isImproving, trial.isFeasible(p), best == nil || gain > best!.gain {
                    best = TwoOptMove(vehicle: v, stops: stops, gain: gain)
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
