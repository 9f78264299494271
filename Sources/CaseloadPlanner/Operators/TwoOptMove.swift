/// Reverses a stretch of one route when that shortens it and keeps every window.
/// The travel change is computed in constant time (the matrix is symmetric); only
/// shortening reversals are timed in full.
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
            let a = route.point(i - 1, p)
            let first = route.point(i, p)
            for j in (i + 1)..<route.count {
                let last = route.point(j, p)
                let b = route.point(j + 1, p)
                let saved = p.t(a, first) + p.t(last, b) - p.t(a, last) - p.t(first, b)
                guard saved > 0, best == nil || saved > best!.gain.travelSaved else { continue }
                var stops = route.stops
                stops[i...j].reverse()
                trial.setStops(stops, p)
                if trial.isFeasible(p) {
                    best = TwoOptMove(vehicle: v, stops: stops, gain: MoveGain(served: 0, travelSaved: route.travel - trial.travel))
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
