import ArgumentParser
import CaseloadCore
import Foundation

/// `caseload check SCENARIO.json`: validates a scenario and says what is in it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a week scenario file and summarise it.")

    @Argument(help: "The week's scenario (caseload-scenario/1 JSON).")
    var scenario: String

    func run() throws {
        let week = try ScenarioFiles.readScenario(scenario)
        let services = Dictionary(grouping: week.sessions, by: \.service).sorted { $0.key < $1.key }
        Console.print("\(scenario): valid \(WeekScenario.format), week of \(week.weekStart)")
        Console.print("  \(week.schools.count) schools, \(week.specialists.count) specialists, \(week.sessions.count) sessions")
        for (service, sessions) in services {
            let minutes = sessions.reduce(0) { $0 + $1.durationMin }
            Console.print("  \(service): \(sessions.count) sessions, \(minutes) minutes requested")
        }
    }
}
