import Foundation
import CaseloadCore
/// The sessions a repair may insert, each with the vehicles worth trying.
///
/// Sessions just removed may go anywhere they are allowed; sessions that were already
/// unassigned only need the touched vehicles, because every other route is as full
/// as when they last failed to fit.
struct RepairPool {
    var sessions: [Int] = []
    var vehicles: [[Int]] = []

    init(removed: [Int], touched: [Int], _ sol: Solution, _ p: PlanningProblem) {
        var index: [Int: Int] = [:]
        for u in removed where sol.vehicleOf[u] < 0 {
            index[u] = sessions.count
            sessions.append(u)
            vehicles.append(p.candidates[u])
        }
        let fresh = Set(removed)
        for v in touched.sorted() {
            for u in p.sessionsOfVehicle[v] where sol.vehicleOf[u] < 0 && !fresh.contains(u) {
                if let k = index[u] { vehicles[k].append(v); continue }
                index[u] = sessions.count
                sessions.append(u)
                vehicles.append([v])
            }
        }
    }

    /// Every unassigned session against every vehicle it may use (construction).
    init(all sol: Solution, _ p: PlanningProblem) {
        sessions = sol.unassigned
        vehicles = sessions.map { p.candidates[$0] }
    }
}

/// Puts unassigned sessions back into routes.
protocol RepairOperator: Sendable {
    var name: String { get }
    /// Inserts from `pool` into `sol`; returns the vehicles it changed.
    func repair(_ sol: inout Solution, _ pool: RepairPool, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int]
}

/// Takes sessions out of routes.
protocol DestroyOperator: Sendable {
    var name: String { get }
    /// Removes about `count` sessions from `sol` and returns them.
    func destroy(_ sol: inout Solution, count: Int, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int]
}

extension DestroyOperator {
    /// Removes each of `sessions` and returns them.
    func take(_ sessions: [Int], from sol: inout Solution, _ p: PlanningProblem) -> [Int] {
        for u in sessions { sol.remove(u, p) }
        return sessions
    }

    /// Picks index `k` in `0..<n` biased toward the front (Shaw's y^p).
    func biasedIndex(_ n: Int, _ rng: inout SeededRandom, power: Double = 4) -> Int {
        min(n - 1, Int(pow(rng.unit(), power) * Double(n)))
    }
}
