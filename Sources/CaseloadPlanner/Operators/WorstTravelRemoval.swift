import CaseloadCore

/// Removes the sessions whose removal saves most travel: lonely visits far off the route.
struct WorstTravelRemoval: DestroyOperator {
    var name: String { "worst-travel" }

    func destroy(_ sol: inout Solution, count: Int, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int] {
        var ranked: [(Int, Double)] = []
        for route in sol.routes where !route.isEmpty {
            for i in route.stops.indices {
                let gain = Double(route.removalGain(at: i, p)) / Double(p.priority[route.stops[i]])
                ranked.append((route.stops[i], gain))
            }
        }
        ranked.sort { $0.1 > $1.1 }
        var chosen: [Int] = []
        while chosen.count < count, !ranked.isEmpty {
            chosen.append(ranked.remove(at: biasedIndex(ranked.count, &rng, power: 5)).0)
        }
        return take(chosen, from: &sol, p)
    }
}
