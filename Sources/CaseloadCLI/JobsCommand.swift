import ArgumentParser
import CaseloadCore
import CaseloadPlanner
import CaseloadService

/// `caseload jobs run`: the scheduled jobs that have come due, once (as `caseload serve` does
/// each minute), for a trust that runs them from its own scheduler instead.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Run the scheduled jobs (settings: jobs) that have come due.", subcommands: [Run.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run each job whose time has come and that has not run for it.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let ran = try ScheduledJobs(db: store.open(), config: store.loadConfig()).runDue(now: try store.now())
            if ran.isEmpty { Console.print("nothing was due") }
            for r in ran { Console.print("\(r.job) (due \(r.due)): \(r.ok ? "done" : "FAILED"): \(r.detail)") }
        }
    }
}
