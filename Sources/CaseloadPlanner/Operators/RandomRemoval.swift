import CaseloadCore

/// Removes sessions chosen uniformly at random among those placed.
struct RandomRemoval: DestroyOperator {
    var name: String { "random" }

    func destroy(_ sol: inout Solution, count: Int, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int] {
        var placed = sol.vehicleOf.indices.filter { sol.vehicleOf[$0] >= 0 }
        var chosen: [Int] = []
        while chosen.count < count, !placed.isEmpty {
            chosen.append(placed.swapAt(randomIn: &rng))
        }
        return take(chosen, from: &sol, p)
    }
}

extension Array where Element == Int {
    /// Removes and returns a random element in O(1) (order is not kept).
    mutating func swapAt(randomIn rng: inout SeededRandom) -> Int {
        let k = rng.below(count)
        swapAt(k, count - 1)
        return removeLast()
    }
}
