import ArgumentParser
import CaseloadCore
import CaseloadTestSupport
import Foundation
import Testing

@testable import CaseloadCLI

@Suite struct PlanCommandTests {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)-\(name)").path
    }

    @Test func plansAFixtureAndWritesAValidPlan() async throws {
        let out = temporary("plan.json")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let scenario = root.appendingPathComponent("Fixtures/weeks/kemnal-w50-lean.json").path
        let run = await caseload(["plan", scenario, "--out", out, "--iterations", "50"])
        #expect(run.status == 0 && run.output.contains(out), "\(run.errors)")
        let plan = try WeekPlan.decode(Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(plan.scenario == "kemnal-w50-lean")
        #expect(!plan.routes.isEmpty)
    }

    /// A time limit or thread count out of range is a usage error that names the option.
    @Test func searchOptionsOutOfRangeAreRefused() async {
        let scenario = root.appendingPathComponent("Fixtures/weeks/kemnal-w50-lean.json").path
        let out = temporary("plan.json")
        for (option, value) in [("--time-limit", "0"), ("--time-limit", "nan"), ("--time-limit", "4000"), ("--threads", "0")] {
            let run = await caseload(["plan", scenario, "--out", out, option, value])
            #expect(run.status == 64 && run.errors.contains(option), "\(option) \(value): \(run.errors)")
        }
        let schedule = await caseload(["schedule", "--week", "2026-11-30", "--time-limit", "-5"])
        #expect(schedule.status == 64 && schedule.errors.contains("--time-limit"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func malformedScenarioExitsWithStatusTwo() async throws {
        let bad = temporary("bad.json")
        let out = temporary("plan.json")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        try Data(#"{"format": "caseload-scenario/1", "name": "x", "week_start": "2026-12-01"}"#.utf8).write(to: URL(fileURLWithPath: bad))
        let run = await caseload(["plan", bad, "--out", out])
        #expect(run.status == 2 && run.errors.hasPrefix("caseload: \(bad)") && run.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func errorsNameTheFileFieldAndId() throws {
        let bad = temporary("bad.json")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let text = try String(contentsOf: root.appendingPathComponent("Fixtures/weeks/county-60.json"), encoding: .utf8)
        let broken = text.replacingOccurrences(of: #""duration_min" : 50,"#, with: #""duration_min" : -5,"#)
        try Data(broken.utf8).write(to: URL(fileURLWithPath: bad))
        do {
            _ = try ScenarioFiles.readScenario(bad)
            Issue.record("a negative duration was accepted")
        } catch let error as CLIError {
            #expect(error.description.hasPrefix(bad))
            #expect(error.description.contains("duration_min"))
            #expect(error.description.contains("(id \""))
        }
    }

    @Test func missingFileSaysSo() {
        #expect(throws: CLIError.self) { try ScenarioFiles.readScenario("/nonexistent/week.json") }
    }
}
