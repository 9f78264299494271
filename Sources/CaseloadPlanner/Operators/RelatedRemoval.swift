import CaseloadCore

/// Shaw removal: a seed session and those most related to it, the same day and nearby
/// schools first, so that repair can regroup visits and days between specialists.
struct RelatedRemoval: DestroyOperator {
    var name: String { "related" }

    func destroy(_ sol: inout Solution, count: Int, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int] {
        let placed = sol.vehicleOf.indices.filter { sol.vehicleOf[$0] >= 0 }
        guard !placed.isEmpty else { return [] }
        let seed = placed[rng.below(placed.count)]
        let service = p.scenario.sessions[seed].service
        let seedDay = p.vehicles[sol.vehicleOf[seed]].day
        var ranked = placed.filter { p.scenario.sessions[$0].service == service }
            .map { ($0, relatedness(seed, $0, seedDay, sol, p)) }
        ranked.sort { $0.1 < $1.1 }
        var chosen: [Int] = []
        while chosen.count < count, !ranked.isEmpty {
            chosen.append(ranked.remove(at: biasedIndex(ranked.count, &rng, power: 3)).0)
        }
        return take(chosen, from: &sol, p)
    }

    func relatedness(_ a: Int, _ b: Int, _ day: Weekday, _ sol: Solution, _ p: PlanningProblem) -> Int {
        let sameDay = p.vehicles[sol.vehicleOf[b]].day == day
        return p.t(p.school[a], p.school[b]) + (sameDay ? 0 : 45)
    }
}
