import ArgumentParser
import CaseloadTestSupport
import Foundation
import Testing

@testable import CaseloadCLI

/// What one run of the command line did: its exit status and what it printed.
struct CommandOutcome {
    let status: Int32
    let output: String
    let errors: String
}

/// Runs `caseload` with `arguments` in this process, as `main` does, keeping what it prints.
func caseload(_ arguments: [String]) async -> CommandOutcome {
    let buffer = ConsoleBuffer()
    let status = await CaseloadCommand.execute(arguments, capturingIn: buffer)
    return CommandOutcome(status: status, output: buffer.output, errors: buffer.errors)
}

/// A temporary folder with a database path, and the real commands run against it.
protocol CommandHarness {
    var folder: URL { get }
}

extension CommandHarness {
    var root: URL { Repo.root }
    var db: String { folder.appendingPathComponent("t.sqlite").path }
    var common: [String] { ["--db", db, "--config", Repo.configPath, "--actor", "test"] }

    /// Runs the command as of `asOf` (a date, or a date and time of day) and returns what it
    /// printed; a command that fails throws `ExitCode` with its status.
    @discardableResult
    func run(_ args: [String], asOf: String = "2026-11-23") async throws -> String {
        let outcome = await attempt(args, asOf: asOf)
        guard outcome.status == 0 else { throw ExitCode(outcome.status) }
        return outcome.output
    }

    /// Runs the command as of `asOf` and returns its status and output, whether it failed or not.
    func attempt(_ args: [String], asOf: String = "2026-11-23") async -> CommandOutcome {
        await caseload(args + common + ["--as-of", asOf])
    }
}
