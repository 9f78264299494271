/// Swaps an unassigned session for a lower-priority placed one in a route that can take it.
/// The ejected session is offered again elsewhere by the caller.
struct ReplaceMove: Move {
    let session: Int
    let ejected: Int
    let vehicle: Int
    let position: Int
    let gain: MoveGain

    /// The best replacement that brings unassigned `u` into a route, if any.
    static func best(for u: Int, in sol: Solution, _ p: PlanningProblem) -> ReplaceMove? {
        var best: ReplaceMove?
        for v in p.candidates[u] {
            let route = sol.routes[v]
            let room = route.freeMinutes(p)
            for (i, w) in route.stops.enumerated() where p.priority[w] < p.priority[u] && !p.locked[w] {
                if let best, p.priority[u] - p.priority[w] < best.gain.served { continue }
                if room + p.duration[w] + route.removalGain(at: i, p) < p.duration[u] { continue }
                var without = route
                _ = without.remove(at: i, p)
                guard without.isFeasible(p), let (pos, d) = without.bestInsertion(u, p) else { continue }
                let gain = MoveGain(
                    served: p.priority[u] - p.priority[w],
                    travelSaved: route.travel - without.travel + p.penalty(w, v) - d)
                if best == nil || gain > best!.gain {
                    best = ReplaceMove(session: u, ejected: w, vehicle: v, position: pos, gain: gain)
                }
            }
        }
        return best
    }

    func apply(to sol: inout Solution, _ p: PlanningProblem) -> (touched: [Int], ejected: [Int]) {
        sol.remove(ejected, p)
        sol.insert(session, vehicle: vehicle, at: position, p)
        return ([vehicle], [ejected])
    }
}
