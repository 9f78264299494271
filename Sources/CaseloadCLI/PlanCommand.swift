import ArgumentParser
import CaseloadCore
import CaseloadPlanner
import Foundation

/// `caseload plan SCENARIO.json --out PLAN.json`: plans one week and prints a summary.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a week: read a caseload-scenario/1 file, write a caseload-plan/1 file.")

    @Argument(help: "The week's scenario (caseload-scenario/1 JSON).")
    var scenario: String

    @Option(name: .shortAndLong, help: "Where to write the plan (caseload-plan/1 JSON).")
    var out: String

    @Option(
        help:
            "Search for this many seconds, restarting from the best plan whenever the search stagnates (default: stop when it stops improving, at most 60 s)."
    )
    var timeLimit: Double?

    @Option(help: "Random seed; the same seed and scenario give the same plan.")
    var seed: UInt64 = 1

    @Option(help: "Search iterations per thread (default: chosen from the scenario's size).")
    var iterations: Int?

    @Option(help: "Threads to search with.")
    var threads: Int = 2

    func validate() throws {
        try PlanCommand.check(timeLimit: timeLimit)
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be from 1 to 64, found \(threads)") }
    }

    func run() throws {
        let week = try ScenarioFiles.readScenario(scenario)
        let options = PlannerOptions.search(seconds: timeLimit, seed: seed, iterations: iterations, threads: threads)
        let progress = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)
        let plan = WeekPlanner(options: options).plan(week) { progress.show($0) }
        progress.finish()
        try ScenarioFiles.write(plan.jsonData(), to: out)
        Console.print(PlanSummary(plan: plan, scenario: week, path: out).text)
    }

    /// `--time-limit`, for `plan` and `schedule`: seconds from 1 to 3600.
    static func check(timeLimit: Double?) throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 3_600) {
            throw ValidationError("--time-limit must be a number of seconds from 1 to 3600, found \(timeLimit)")
        }
    }
}
