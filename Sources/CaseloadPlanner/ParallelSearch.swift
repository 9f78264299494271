import CaseloadCore
import Foundation

/// Runs one search worker per thread in epochs; after each epoch the best solution is shared
/// and workers that fell behind restart from it. Merging is by solution quality and worker
/// index only, so the outcome does not depend on thread timing.
final class ParallelSearch: @unchecked Sendable {
    let p: PlanningProblem
    let options: PlannerOptions
    let total: Int
    let started: ContinuousClock.Instant
    private(set) var iterationsDone = 0
    let epochLength = 250
    /// Epochs without a new best before the search stops early.
    let patience = 12

    init(problem: PlanningProblem, options: PlannerOptions, total: Int, started: ContinuousClock.Instant) {
        p = problem; self.options = options; self.total = total; self.started = started
    }

    func run(from start: Solution, progress: ((PlannerProgress) -> Void)?) -> Solution {
        let ops = OperatorSet()
        let workers = (0..<max(1, options.threads)).map {
            SearchWorker(start: start, seed: options.seed &* 0x9E37_79B9 &+ UInt64($0) &+ 1, ops: ops)
        }
        let cooling = Cooling(start: 4, end: 0.02, total: total)
        var best = start, stale = 0
        while iterationsDone < total, elapsed() < options.timeLimit, stale < patience {
            let to = min(total, iterationsDone + epochLength)
            let from = iterationsDone
            DispatchQueue.concurrentPerform(iterations: workers.count) { k in
                workers[k].run(from: from, to: to, schedule: cooling, p)
            }
            iterationsDone = to
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
