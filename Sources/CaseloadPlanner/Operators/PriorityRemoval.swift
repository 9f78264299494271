import CaseloadCore

/// Makes room for waiting sessions: picks unassigned sessions (higher priority likelier),
/// and in a route that could take each, removes lower-priority stops until it would fit.
/// Repair then inserts in priority order, so the waiting session goes in first.
struct PriorityRemoval: DestroyOperator {
    var name: String { "make-room" }

    func destroy(_ sol: inout Solution, count: Int, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int] {
        var waiting = sol.unassigned.filter { !p.candidates[$0].isEmpty }
        waiting.sort { p.priority[$0] > p.priority[$1] }
        var removed: [Int] = []
        var tries = 0
        while removed.count < count, !waiting.isEmpty, tries < 8 {
            tries += 1
            let u = waiting.remove(at: biasedIndex(waiting.count, &rng, power: 2))
            let cands = p.candidates[u]
            let v = cands[rng.below(cands.count)]
            removed += makeRoom(for: u, in: v, &sol, p)
        }
        return removed
    }

    /// Removes the lowest-priority stops below `u`'s priority from `v` until `u` fits.
    func makeRoom(for u: Int, in v: Int, _ sol: inout Solution, _ p: PlanningProblem) -> [Int] {
        var out: [Int] = []
        while sol.routes[v].bestInsertion(u, p) == nil {
            let lower = sol.routes[v].stops.filter { p.priority[$0] < p.priority[u] && !p.locked[$0] }
            guard let w = lower.min(by: { p.priority[$0] < p.priority[$1] }) else { break }
            sol.remove(w, p)
            out.append(w)
        }
        return out
    }
}
