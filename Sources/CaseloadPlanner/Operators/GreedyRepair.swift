import CaseloadCore
import Foundation

/// Inserts sessions one by one in order of priority (or of priority per minute), each
/// at its cheapest feasible place; noise on both choices diversifies the search.
struct GreedyRepair: RepairOperator {
    enum Order: Sendable { case priority, density }
    let order: Order
    let noise: Double

    var name: String { "greedy-\(order == .priority ? "priority" : "density")\(noise > 0 ? "-noisy" : "")" }

    func repair(_ sol: inout Solution, _ pool: RepairPool, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int] {
        var touched: [Int] = []
        for k in ranked(pool, p, &rng) {
            let u = pool.sessions[k]
            guard let (v, i) = cheapest(u, pool.vehicles[k], sol, p, &rng) else { continue }
            sol.insert(u, vehicle: v, at: i, p)
            touched.append(v)
        }
        return touched
    }

    func ranked(_ pool: RepairPool, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int] {
        let keys = pool.sessions.map { u -> Double in
            let base = order == .priority ? Double(p.priority[u]) : Double(p.priority[u]) * 60 / Double(p.duration[u] + 15)
            return base * (1 + noise * (rng.unit() - 0.5)) + rng.unit() * 1e-6
        }
        return pool.sessions.indices.sorted { keys[$0] > keys[$1] }
    }

    func cheapest(
        _ u: Int, _ vehicles: [Int], _ sol: Solution, _ p: PlanningProblem,
        _ rng: inout SeededRandom
    ) -> (Int, Int)? {
        var best: (v: Int, i: Int, cost: Double)?
        for v in vehicles {
            guard let (i, d) = sol.routes[v].bestInsertion(u, p) else { continue }
            let cost = Double(d) + (noise > 0 ? noise * 20 * rng.unit() : 0)
            if best == nil || cost < best!.cost { best = (v, i, cost) }
        }
        return best.map { ($0.v, $0.i) }
    }
}
