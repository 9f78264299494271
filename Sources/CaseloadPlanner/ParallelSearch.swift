import CaseloadCore
import Foundation

/// Runs one search worker per thread in epochs; after each epoch the best solution is shared
/// and workers that fell behind restart from it. Merging is by solution quality and worker
/// index only, so the outcome does not depend on thread timing.
final class ParallelSearch: @unchecked Sendable {
    let p: PlanningProblem
    let options: PlannerOptions
    let total: Int
    /// Iterations per thread over all rounds of the default search (at least `total`).
    let budget: Int
    let started: ContinuousClock.Instant
    private(set) var iterationsDone = 0
    let epochLength = 250
    /// Epochs without a new best before the search stops early.
    let patience = 12

    init(problem: PlanningProblem, options: PlannerOptions, total: Int, budget: Int? = nil, started: ContinuousClock.Instant) {
        p = problem
        self.options = options
        self.total = total
        self.budget = max(total, budget ?? total)
        self.started = started
    }

    /// Searches from `start`: one round of epochs until `total` iterations are spent or the best
    /// has not moved for `patience` epochs. Then, while the budget lasts (the default search) or
    /// until the time limit (`options.anytime`), each worker kicks the best solution (a large
    /// removal and greedy repair, its own random stream) and a new round, reheated, starts from
    /// there; the best of all rounds wins.
    func run(from start: Solution, progress: ((PlannerProgress) -> Void)?) -> Solution {
        let ops = OperatorSet()
        let workers = (0..<max(1, options.threads)).map {
            SearchWorker(start: start, seed: options.seed &* 0x9E37_79B9 &+ UInt64($0) &+ 1, ops: ops)
        }
        var best = round(workers, from: start, progress: progress)
        while options.searchesUntilTimeLimit || iterationsDone < budget, elapsed() < options.timeLimit {
            restarts += 1
            for w in workers { w.kick(best, p) }
            let next = round(workers, from: best, progress: progress)
            if next.isBetter(than: best) { best = next }
        }
        return best
    }

    /// Rounds started after the first (anytime search only).
    private(set) var restarts = 0

    /// One round: epochs of `epochLength` iterations on every worker, merged after each.
    private func round(_ workers: [SearchWorker], from start: Solution, progress: ((PlannerProgress) -> Void)?) -> Solution {
        let cooling = Cooling(start: restarts == 0 ? 4 : 2, end: 0.02, total: total)
        var best = start
        var stale = 0
        var done = 0
        let budget = options.searchesUntilTimeLimit ? Int.max : self.budget
        while iterationsDone < budget, done < total, elapsed() < options.timeLimit, stale < patience {
            let from = done
            let to = min(total, done + epochLength)
            DispatchQueue.concurrentPerform(iterations: workers.count) { k in
                workers[k].run(from: from, to: to, schedule: cooling, p)
            }
            iterationsDone += to - from
            done = to
            let before = best
            for w in workers where w.best.isBetter(than: best) { best = w.best }
            stale = best.isBetter(than: before) ? 0 : stale + 1
            for w in workers where best.isBetter(than: w.best) { w.adopt(best) }
            progress?(report(best))
        }
        return best
    }

    func elapsed() -> Double {
        let d = ContinuousClock.now - started
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private func report(_ s: Solution) -> PlannerProgress {
        PlannerProgress(
            iteration: iterationsDone, totalIterations: total, servedPriority: s.served,
            travelMinutes: s.travel, placedSessions: s.placedCount, elapsed: elapsed())
    }
}
