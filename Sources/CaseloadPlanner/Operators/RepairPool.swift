import CaseloadCore
import Foundation

/// The sessions a repair may insert, each with the vehicles worth trying.
///
/// Sessions just removed may go anywhere they are allowed; sessions that were already
/// unassigned only need the touched vehicles, because every other route is as full
/// as when they last failed to fit.
struct RepairPool {
    var sessions: [Int] = []
    var vehicles: [[Int]] = []

    /// `slot` is scratch space of one entry per session, all -1 (and left so).
    init(removed: [Int], touched: [Int], _ sol: Solution, _ p: PlanningProblem, slot: inout [Int]) {
        for u in removed where sol.vehicleOf[u] < 0 && slot[u] < 0 {
            slot[u] = sessions.count
            sessions.append(u)
            vehicles.append(p.candidates[u])
        }
        let fresh = sessions.count
        for v in Set(touched).sorted() {
            let gap = sol.routes[v].maxGap
            for u in p.sessionsOfVehicle[v] where sol.vehicleOf[u] < 0 && p.duration[u] <= gap {
                let k = slot[u]
                if k >= fresh {
                    vehicles[k].append(v)
                } else if k < 0 {
                    slot[u] = sessions.count
                    sessions.append(u)
                    vehicles.append([v])
                }
            }
        }
        for u in sessions { slot[u] = -1 }
    }

    /// As above with its own scratch space (for one-off calls).
    init(removed: [Int], touched: [Int], _ sol: Solution, _ p: PlanningProblem) {
        var slot = Array(repeating: -1, count: p.duration.count)
        self.init(removed: removed, touched: touched, sol, p, slot: &slot)
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
        let free = sessions.filter { !p.locked[$0] }
        for u in free { sol.remove(u, p) }
        return free
    }

    /// Picks index `k` in `0..<n` biased toward the front (Shaw's y^p).
    func biasedIndex(_ n: Int, _ rng: inout SeededRandom, power: Double = 4) -> Int {
        min(n - 1, Int(pow(rng.unit(), power) * Double(n)))
    }
}
