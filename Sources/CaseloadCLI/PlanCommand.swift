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

    @Option(help: "Stop searching after this many seconds at the latest.")
    var timeLimit: Double = 60

    @Option(help: "Random seed; the same seed and scenario give the same plan.")
    var seed: UInt64 = 1

    @Option(help: "Search iterations per thread (default: chosen from the scenario's size).")
    var iterations: Int?

    @Option(help: "Threads to search with.")
    var threads: Int = 2

    func run() throws {
        let week = try ScenarioFiles.readScenario(scenario)
        let options = PlannerOptions(seed: seed, timeLimit: timeLimit, iterations: iterations, threads: threads)
        let progress = ProgressLine(enabled: isatty(STDERR_FILENO) == 1)
        let plan = WeekPlanner(options: options).plan(week) { progress.show($0) }
        progress.finish()
        try ScenarioFiles.write(plan.jsonData(), to: out)
        Console.print(PlanSummary(plan: plan, scenario: week, path: out).text)
    }
}
