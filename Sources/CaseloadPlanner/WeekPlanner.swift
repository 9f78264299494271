import CaseloadCore
import Foundation

/// How long and how the planner searches.
public struct PlannerOptions: Sendable {
    /// Same seed and inputs give the same plan (unless the time limit cuts the search short).
    public var seed: UInt64 = 1
    /// Hard cap on the search, in seconds; checked between epochs.
    public var timeLimit: Double = 60
    /// Search iterations per thread; `nil` chooses from the problem's size.
    public var iterations: Int?
    /// Threads searching in parallel; their results are merged deterministically each epoch.
    public var threads = 2
    /// Sessions that, once placed, the search never takes out again (bookings kept on re-planning).
    public var locked: Set<String> = []
    /// Use the whole time limit: when the search stagnates, kick the best and search again, until
    /// `timeLimit` (without an iteration cap, rounds go on until then). Off by default, when the
    /// planner stops on its own once its iteration budget is spent (`automaticBudget`).
    public var anytime = false

    /// Whether the default search stops after its first round instead of spending its whole
    /// budget on kicked rounds: for estimates over many weeks, where each week's plan matters less.
    public var firstRoundOnly = false

    /// Whether the search goes on until `timeLimit` (an anytime search without an iteration cap).
    public var searchesUntilTimeLimit: Bool { anytime && iterations == nil }

    /// Options for a search of `seconds` (the anytime search), or with `nil` the default search,
    /// which stops when it stops improving (at most 60 s); `iterations` fixes the search's length.
    public static func search(seconds: Double?, seed: UInt64, iterations: Int?, threads: Int = 2) -> PlannerOptions {
        var options = PlannerOptions(seed: seed, timeLimit: seconds ?? 60, iterations: iterations, threads: threads)
        options.anytime = seconds != nil
        return options
    }

    /// Options with the defaults: seed 1, 60 s cap, automatic iterations, 2 threads.
    public init(seed: UInt64 = 1, timeLimit: Double = 60, iterations: Int? = nil, threads: Int = 2) {
        self.seed = seed
        self.timeLimit = timeLimit
        self.iterations = iterations
        self.threads = threads
    }
}

/// How far the search has got, for a progress line.
public struct PlannerProgress: Sendable {
    public var iteration: Int
    public var totalIterations: Int
    public var servedPriority: Int
    public var travelMinutes: Int
    public var placedSessions: Int
    public var elapsed: Double
}

/// Turns one week's sessions into each specialist's routes: regret construction, then an
/// adaptive large neighbourhood search on every core, then local search to a local optimum.
/// The objective is the spec's: served priority first, then travel minutes.
public struct WeekPlanner: Sendable {
    public let options: PlannerOptions

    /// A planner with `options`.
    public init(options: PlannerOptions = PlannerOptions()) { self.options = options }

    /// Plans `scenario`. `progress` is called after each epoch from the calling thread.
    public func plan(_ scenario: WeekScenario, progress: ((PlannerProgress) -> Void)? = nil) -> WeekPlan {
        let clock = ContinuousClock.now
        let p = PlanningProblem(scenario, locked: options.locked)
        var rng = SeededRandom(seed: options.seed)
        var solution = construct(p, &rng)
        let total = options.iterations ?? WeekPlanner.automaticIterations(p)
        let budget = options.iterations ?? (options.firstRoundOnly ? total : WeekPlanner.automaticBudget(p))
        let search = ParallelSearch(problem: p, options: options, total: total, budget: budget, started: clock)
        solution = search.run(from: solution, progress: progress)
        let seconds =
            Double((ContinuousClock.now - clock).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - clock).components.seconds)
        var plan = PlanAssembler(p).plan(solution, seconds: seconds, seed: options.seed, iterations: search.iterationsDone)
        plan.statistics?.rounds = search.restarts + 1
        return plan
    }

    func construct(_ p: PlanningProblem, _ rng: inout SeededRandom) -> Solution {
        var sol = Solution(p)
        _ = GreedyRepair(order: .priority, noise: 0).repair(&sol, RepairPool(all: sol, p), p, &rng)
        LocalSearch().improve(&sol, p, &rng)
        return sol
    }

    /// Iterations per thread: 6 million over the number of sessions, between 3,000 and 10,000
    /// (a trust's week of 1,500 sessions: 4,000, a few seconds; a 6,500-session county: 3,000).
    static func automaticIterations(_ p: PlanningProblem) -> Int {
        max(3_000, min(10_000, 6_000_000 / max(1, p.duration.count)))
    }

    /// Iterations per thread over all rounds of the default search: 15 million over the sessions
    /// some specialist can reach, at most 150,000 and never below one round; rounds after the
    /// first start from a kick of the best. An iteration costs about the sessions the search can
    /// place, so the work is about the same for every week: a trust's week of 1,500 reachable
    /// sessions gets 10,000 (two or three rounds of 4,000), and a week where travel caps leave
    /// only a hundred sessions within reach gets 150,000, the rounds that find what one misses.
    static func automaticBudget(_ p: PlanningProblem) -> Int {
        let placeable = p.candidates.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        return max(automaticIterations(p), min(150_000, 15_000_000 / max(1, placeable)))
    }
}
