import CaseloadCore

/// Empties whole specialist-days, preferring those with the least priority per minute,
/// so that repair can rebuild them around a different set of visits.
struct RouteRemoval: DestroyOperator {
    var name: String { "route" }

    func destroy(_ sol: inout Solution, count: Int, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int] {
        var ranked = sol.routes.filter { !$0.isEmpty }.map { r in
            (r.vehicle, Double(r.priority) / Double(r.busy + r.travel))
        }
        ranked.sort { $0.1 < $1.1 }
        var chosen: [Int] = []
        while chosen.count < count, !ranked.isEmpty {
            let v = ranked.remove(at: biasedIndex(ranked.count, &rng, power: 2)).0
            chosen.append(contentsOf: sol.routes[v].stops)
        }
        return take(chosen, from: &sol, p)
    }
}
