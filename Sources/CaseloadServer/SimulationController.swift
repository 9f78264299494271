import CaseloadConfig
import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import Hummingbird

/// `POST /v1/simulations` (leaders): a term under other settings against the current ones,
/// on a copy of the database; answers the figures and the HTML report.
struct SimulationController {
    let state: ServerState

    struct WeekDTO: Codable, Sendable { var week: String, baseline: FiguresDTO, alternative: FiguresDTO }
    struct FiguresDTO: Codable, Sendable {
        var waiting: [String: Int], withinTarget: [String: Double], medianWait: [String: Int], p90Wait: [String: Int]
        var statutoryBreaches: Int, travelMinutes: Int, miles: Double

        enum CodingKeys: String, CodingKey {
            case waiting
            case withinTarget = "within_target"
            case medianWait = "median_wait"
            case p90Wait = "p90_wait"
            case statutoryBreaches = "statutory_breaches"
            case travelMinutes = "travel_minutes"
            case miles
        }

        init(_ f: WeekFigures) {
            waiting = f.waiting
            withinTarget = f.withinTarget
            medianWait = f.medianWait
            p90Wait = f.p90Wait
            statutoryBreaches = f.statutoryBreaches
            travelMinutes = f.travelMinutes
            miles = f.miles
        }
    }
    /// A what-if's result (a task's): the summary, each week's figures, the report as a page and
    /// its body alone (`sections`, what the settings page shows).
    struct ResultDTO: Codable, Sendable {
        var summary: [String], weeks: [WeekDTO], html: String, sections: String

        init(_ report: SimulationReport) {
            (summary, html, sections) = (report.summary, report.html, report.sections)
            weeks = zip(report.baseline, report.alternative).map {
                WeekDTO(week: $0.week.description, baseline: FiguresDTO($0), alternative: FiguresDTO($1))
            }
        }
    }

    /// The alternative settings, with errors naming `alt_config.<key>`.
    static func parse(_ yaml: String) throws(InputError) -> TrustConfig {
        do { return try TrustConfigFile.parse(yaml) } catch {
            throw InputError(field: "alt_config.\(error.field)", id: error.id, problem: error.problem)
        }
    }

    func register(_ group: RouterGroup<AppContext>) {
        group.post("simulations", use: simulate)
    }

    /// Starts the what-if (a task): `202 Accepted` with the task's address, at once.
    @Sendable func simulate(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller(may: .simulate)
        let body = try await JSONBody.object(request, context)
        let f = try JSONFields(body.value, path: "")
        try f.onlyKeys(["weeks", "seed", "absence", "arrival_rate", "alt_config"])
        let weeks = try f.optionalInt("weeks", in: TermSimulation.weeksAllowed) ?? TermSimulation.defaultWeeks
        let yaml = try f.optionalString("alt_config")
        let alternative = try yaml.map(SimulationController.parse) ?? state.config
        let simulation = try state.termSimulation(
            weeks: weeks, absence: try f.optionalNumber("absence", in: 0...0.9) ?? 0.08,
            seed: UInt64(try f.optionalInt("seed", in: 0...Int(Int32.max)) ?? 1))
        let whatIf = WhatIf(simulation: simulation, rate: try f.optionalNumber("arrival_rate", in: 0...50))
        let input = [
            "\(weeks)", "\(simulation.absence)", "\(simulation.seed)", "\(whatIf.rate ?? -1)", yaml ?? "", state.configText,
        ].joined(separator: "\n")
        let task = try await DatabaseWork.run { [state] in try state.startWhatIf(whatIf, alternative: alternative, input: input, by: caller) }
        return try TaskController.response(task, status: .accepted)
    }
}
