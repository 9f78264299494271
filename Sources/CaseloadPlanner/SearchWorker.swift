import CaseloadCore
import Foundation

/// The operators an adaptive large neighbourhood search draws from.
struct OperatorSet: Sendable {
    let destroys: [any DestroyOperator] = [
        RandomRemoval(), RelatedRemoval(), WorstTravelRemoval(), RouteRemoval(), PriorityRemoval(),
        StringRemoval(),
    ]
    let repairs: [any RepairOperator] = [
        GreedyRepair(order: .priority, noise: 0), GreedyRepair(order: .priority, noise: 0.3),
        GreedyRepair(order: .density, noise: 0.1), RegretRepair(k: 2), RegretRepair(k: 3),
    ]
}

/// One thread's adaptive large neighbourhood search: destroy, repair, re-sequence, then
/// accept or not by simulated annealing; keeps its best solution.
final class SearchWorker: @unchecked Sendable {
    var current: Solution
    var best: Solution
    var rng: SeededRandom
    private var destroyWeights: OperatorWeights
    private var repairWeights: OperatorWeights
    private let ops: OperatorSet
    private let local = LocalSearch()
    /// A priority point is worth this many travel minutes to the annealing (only).
    let travelWeight = 60.0
    private(set) var bestIsPolished = false
    /// The last polished best: polishing a newer best need only look where it differs.
    private var polished: Solution
    private var slot: [Int] = []

    init(start: Solution, seed: UInt64, ops: OperatorSet) {
        current = start
        best = start
        polished = start
        rng = SeededRandom(seed: seed)
        self.ops = ops
        destroyWeights = OperatorWeights(count: ops.destroys.count)
        repairWeights = OperatorWeights(count: ops.repairs.count)
        bestIsPolished = true
    }

    /// Restarts from `solution` (the shared best) when this worker has fallen behind.
    func adopt(_ solution: Solution) {
        current = solution
        best = solution
        polished = solution
        bestIsPolished = true
    }

    /// Starts again near `solution` (the best so far, which stays this worker's best): removes a
    /// large share of its sessions at random and repairs greedily with noise, so the next round
    /// explores a different valley.
    func kick(_ solution: Solution, _ p: PlanningProblem) {
        best = solution
        polished = solution
        bestIsPolished = true
        var trial = solution
        trial.changed.removeAll(keepingCapacity: true)
        let count = min(trial.placedCount, max(8, trial.placedCount / 8))
        var removed = RelatedRemoval().destroy(&trial, count: count, p, &rng)
        let touched = Array(Set(trial.changed)).sorted()
        for v in touched { removed += trial.restoreFeasibility(vehicle: v, p) }
        if slot.isEmpty { slot = Array(repeating: -1, count: p.duration.count) }
        let pool = RepairPool(removed: removed, touched: touched, trial, p, slot: &slot)
        let filled = GreedyRepair(order: .priority, noise: 0.3).repair(&trial, pool, p, &rng)
        local.sequence(&trial, vehicles: touched + filled, p)
        current = trial
    }

    /// Runs iterations `from..<to` of `total`, cooling by `schedule`.
    func run(from: Int, to: Int, schedule: Cooling, _ p: PlanningProblem) {
        for it in from..<to {
            iterate(temperature: schedule.temperature(at: it), p)
            if it % 100 == 99 {
                destroyWeights.endSegment()
                repairWeights.endSegment()
            }
        }
        if !bestIsPolished {
            local.improve(&best, p, &rng, around: best.vehicles(differingFrom: polished))
            polished = best
            if best.isBetter(than: current) { current = best }
            bestIsPolished = true
        }
    }

    private func iterate(temperature: Double, _ p: PlanningProblem) {
        var trial = current
        trial.changed.removeAll(keepingCapacity: true)
        let d = destroyWeights.pick(&rng)
        let r = repairWeights.pick(&rng)
        var removed = ops.destroys[d].destroy(&trial, count: removalCount(trial, p), p, &rng)
        let touched = Array(Set(trial.changed)).sorted()
        for v in touched { removed += trial.restoreFeasibility(vehicle: v, p) }
        if slot.isEmpty { slot = Array(repeating: -1, count: p.duration.count) }
        let pool = RepairPool(removed: removed, touched: touched, trial, p, slot: &slot)
        let filled = ops.repairs[r].repair(&trial, pool, p, &rng)
        local.sequence(&trial, vehicles: touched + filled, p)
        judge(trial, temperature: temperature, destroy: d, repair: r)
    }

    private func judge(_ trial: Solution, temperature: Double, destroy d: Int, repair r: Int) {
        let delta = trial.score(travelWeight: travelWeight) - current.score(travelWeight: travelWeight)
        var reward = 0.0
        if trial.isBetter(than: best) {
            best = trial
            bestIsPolished = false
            reward = OperatorWeights.newBest
        } else if delta > 0 {
            reward = OperatorWeights.improved
        } else if delta < 0, rng.unit() < exp(delta / temperature) {
            reward = OperatorWeights.accepted
        } else if delta < 0 {
            return finish(d, r, 0)
        }
        current = trial
        finish(d, r, reward)
    }

    private func finish(_ d: Int, _ r: Int, _ reward: Double) {
        destroyWeights.reward(d, reward)
        repairWeights.reward(r, reward)
    }

    private func removalCount(_ sol: Solution, _ p: PlanningProblem) -> Int {
        let placed = max(1, sol.placedCount)
        let upper = max(4, min(60, placed / 6))
        return min(placed, 3 + rng.below(upper))
    }
}

/// Geometric cooling from `start` to `end` over `total` iterations.
struct Cooling: Sendable {
    let start: Double, end: Double, total: Int

    func temperature(at it: Int) -> Double {
        start * pow(end / start, Double(min(it, total)) / Double(max(1, total)))
    }
}
