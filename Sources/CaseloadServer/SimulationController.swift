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
    struct ResultDTO: ResponseEncodable { var summary: [String], weeks: [WeekDTO], html: String }

    /// The alternative settings, with errors naming `alt_config.<key>`.
    static func parse(_ yaml: String) throws(InputError) -> TrustConfig {
        do { return try TrustConfigFile.parse(yaml) } catch {
            throw InputError(field: "alt_config.\(error.field)", id: error.id, problem: error.problem)
        }
    }

    func register(_ group: RouterGroup<AppContext>) {
        group.post("simulations", use: simulate)
    }

    @Sendable func simulate(_ request: Request, context: AppContext) async throws -> ResultDTO {
        _ = try context.caller(may: .simulate)
        let body = try await JSONBody.object(request, context)
        let f = try JSONFields(body.value, path: "")
        try f.onlyKeys(["weeks", "seed", "absence", "arrival_rate", "alt_config"])
        let weeks = try f.optionalInt("weeks", in: TermSimulation.weeksAllowed) ?? TermSimulation.defaultWeeks
        let alternative = try f.optionalString("alt_config").map(SimulationController.parse) ?? state.config
        let simulation = try state.termSimulation(
            weeks: weeks, absence: try f.optionalNumber("absence", in: 0...0.9) ?? 0.08,
            seed: UInt64(try f.optionalInt("seed", in: 0...Int(Int32.max)) ?? 1))
        let whatIf = WhatIf(simulation: simulation, rate: try f.optionalNumber("arrival_rate", in: 0...50))
        let (baseline, db) = (state.config, state.db)
        let report = try await state.heavy.run("the simulation") {
            try whatIf.run(
                baseline: Policy(name: "baseline", config: baseline), alternative: Policy(name: "alternative", config: alternative), db: db)
        }
        let rows = zip(report.baseline, report.alternative).map {
            WeekDTO(week: $0.week.description, baseline: FiguresDTO($0), alternative: FiguresDTO($1))
        }
        return ResultDTO(summary: report.summary, weeks: rows, html: report.html)
    }
}
