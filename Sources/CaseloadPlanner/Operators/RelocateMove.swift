/// Moves one session to the place (in any allowed route, its own included) that saves most travel.
struct RelocateMove: Move {
    let session: Int
    let vehicle: Int
    let position: Int
    let gain: MoveGain

    /// The best improving relocation of `u`, if any.
    static func best(for u: Int, in sol: Solution, _ p: PlanningProblem) -> RelocateMove? {
        let from = sol.vehicleOf[u]
        guard from >= 0, !p.locked[u], let i = sol.routes[from].stops.firstIndex(of: u) else { return nil }
        var without = sol.routes[from]
        _ = without.remove(at: i, p)
        guard without.isFeasible(p) else { return nil }
        let saved = sol.routes[from].travel - without.travel + p.penalty(u, from)
        var best: RelocateMove?
        for v in p.candidates[u] {
            let route = v == from ? without : sol.routes[v]
            guard let (pos, delta) = route.bestInsertion(u, p) else { continue }
            let gain = MoveGain(served: 0, travelSaved: saved - delta)
            if gain.isImproving, best == nil || gain > best!.gain {
                best = RelocateMove(session: u, vehicle: v, position: pos, gain: gain)
            }
        }
        return best
    }

    func apply(to sol: inout Solution, _ p: PlanningProblem) -> (touched: [Int], ejected: [Int]) {
        let from = sol.remove(session, p)
        sol.insert(session, vehicle: vehicle, at: position, p)
        return ([from, vehicle], [])
    }
}
