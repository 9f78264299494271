import CaseloadCore

/// Polishes a solution with the neighbourhood moves until none improves it:
/// re-sequencing routes, relocating sessions, swapping waiting sessions for
/// lower-priority ones, and refilling whatever room that frees.
struct LocalSearch: Sendable {
    let refill = GreedyRepair(order: .priority, noise: 0)
    var maxRounds = 6

    /// Re-sequences the given routes with 2-opt and or-opt until neither improves them.
    func sequence(_ sol: inout Solution, vehicles: [Int], _ p: PlanningProblem) {
        for v in Set(vehicles).sorted() where sol.routes[v].count >= 2 {
            while let move = bestSequenceMove(v, sol, p) { _ = move.apply(to: &sol, p) }
        }
    }

    private func bestSequenceMove(_ v: Int, _ sol: Solution, _ p: PlanningProblem) -> (any Move)? {
        let a = TwoOptMove.best(in: v, sol, p)
        let b = OrOptMove.best(in: v, sol, p)
        guard let a else { return b }
        guard let b else { return a }
        return a.gain >= b.gain ? a : b
    }

    /// Runs every move to a local optimum (or `maxRounds` rounds). With `around`, the solution is
    /// taken to be a local optimum already except near those vehicles (a polished solution that
    /// the search has since changed there): only moves that involve them, or sessions that could
    /// use them, are tried (and waiting sessions are offered to them), and each later round only
    /// around what the round before changed.
    func improve(_ sol: inout Solution, _ p: PlanningProblem, _ rng: inout SeededRandom, around: [Int]? = nil) {
        var focus = around
        for _ in 0..<maxRounds {
            let before = (sol.served, sol.travel)
            let vehicles = focus ?? Array(sol.routes.indices)
            let sessions = focus.map { LocalSearch.sessions(near: $0, sol, p) }
            sequence(&sol, vehicles: vehicles, p)
            var touched = relocateAll(&sol, among: sessions, p)
            touched += swapAll(&sol, vehicles: vehicles, p)
            let (replaced, ejected) = replaceAll(&sol, among: sessions, p)
            touched += replaced
            let pool = RepairPool(removed: ejected, touched: touched + (focus ?? []), sol, p)
            touched += refill.repair(&sol, pool, p, &rng)
            sequence(&sol, vehicles: touched, p)
            if (sol.served, sol.travel) == before { return }
            if focus != nil { focus = Array(Set(touched)).sorted() }
        }
    }

    /// Sessions in or able to use any of `vehicles`, in index order.
    static func sessions(near vehicles: [Int], _ sol: Solution, _ p: PlanningProblem) -> [Int] {
        var mark = [Bool](repeating: false, count: p.duration.count)
        for v in vehicles {
            for u in p.sessionsOfVehicle[v] { mark[u] = true }
            for u in sol.routes[v].stops { mark[u] = true }
        }
        return mark.indices.filter { mark[$0] }
    }

    private func relocateAll(_ sol: inout Solution, among sessions: [Int]?, _ p: PlanningProblem) -> [Int] {
        var touched: [Int] = []
        for u in sessions ?? Array(sol.vehicleOf.indices) where sol.vehicleOf[u] >= 0 {
            if let move = RelocateMove.best(for: u, in: sol, p) { touched += move.apply(to: &sol, p).touched }
        }
        return touched
    }

    /// Day swaps: each visit of the given routes trades places with a visit elsewhere, if that saves travel.
    private func swapAll(_ sol: inout Solution, vehicles: [Int], _ p: PlanningProblem) -> [Int] {
        var touched: [Int] = []
        for v in vehicles where !sol.routes[v].isEmpty {
            for visit in VisitSwapMove.visits(sol.routes[v], p) {
                guard let move = VisitSwapMove.best(for: visit, in: v, sol, p) else { continue }
                touched += move.apply(to: &sol, p).touched
                break
            }
        }
        return touched
    }

    private func replaceAll(_ sol: inout Solution, among sessions: [Int]?, _ p: PlanningProblem) -> (touched: [Int], ejected: [Int]) {
        var touched: [Int] = []
        var ejected: [Int] = []
        let waiting = (sessions?.filter { sol.vehicleOf[$0] < 0 } ?? sol.unassigned).filter { !p.candidates[$0].isEmpty }.sorted {
            p.priority[$0] > p.priority[$1]
        }
        for u in waiting where sol.vehicleOf[u] < 0 {
            guard let move = ReplaceMove.best(for: u, in: sol, p) else { continue }
            let result = move.apply(to: &sol, p)
            touched += result.touched
            ejected += result.ejected
        }
        return (touched, ejected.filter { sol.vehicleOf[$0] < 0 })
    }
}
