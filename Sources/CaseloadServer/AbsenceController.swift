import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// `/v1/specialists/{id}/absences` and `/v1/absences/{n}`: a specialist's absences (whole days,
/// or a morning or afternoon), reported, listed, corrected and withdrawn by the specialist or a
/// leader. Each answer counts the published sessions the days touch and names their weeks, which
/// a leader then re-plans.
struct AbsenceController {
    let state: ServerState

    func register(_ group: RouterGroup<AppContext>) {
        group.get("specialists/:id/absences", use: list)
        group.post("specialists/:id/absences", use: report)
        group.put("absences/:n", use: correct)
        group.delete("absences/:n", use: withdraw)
    }

    /// One absence as the API answers it.
    struct AbsenceDTO: ResponseEncodable {
        var id: Int64
        var specialist, from, to, part, reason: String

        init(_ a: AbsenceRecord) {
            (id, specialist, from, to, part, reason) = (
                a.id, a.leave.specialist, a.leave.first.description, a.leave.last.description, a.leave.part.rawValue, a.reason
            )
        }
    }

    /// What a change did: the booked sessions of the days it covers, and the weeks to re-plan.
    struct RecordedDTO: ResponseEncodable {
        var bookedSessions: Int
        var weeksToReplan: [String]

        enum CodingKeys: String, CodingKey {
            case bookedSessions = "booked_sessions"
            case weeksToReplan = "weeks_to_replan"
        }

        init(_ r: AbsenceReporting.Recorded) {
            bookedSessions = r.bookedSessions
            weeksToReplan = r.weeks.map(\.description)
        }
    }

    struct ListDTO: ResponseEncodable { var items: [AbsenceDTO] }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> ListDTO {
        let caller = try context.caller()
        let who = context.parameters.get("id") ?? ""
        return ListDTO(items: try AbsenceReporting(db: state.db).list(who, by: caller).map(AbsenceDTO.init))
    }

    @Sendable func report(_ request: Request, context: AppContext) async throws -> EditedResponse<RecordedDTO> {
        let caller = try context.caller()
        let who = context.parameters.get("id") ?? ""
        let asked = try await Asked.read(request, context)
        let (reporting, today, stamp) = (AbsenceReporting(db: state.db), state.today(), Stamp(actor: caller.actor))
        let done = try await DatabaseWork.run {
            try reporting.report(who, from: asked.from, to: asked.to, part: asked.part, reason: asked.reason, by: caller, today: today, stamp: stamp)
        }
        return EditedResponse(status: .created, response: RecordedDTO(done))
    }

    @Sendable func correct(_ request: Request, context: AppContext) async throws -> RecordedDTO {
        let caller = try context.caller()
        let n = try number(context)
        let asked = try await Asked.read(request, context)
        let (reporting, today, stamp) = (AbsenceReporting(db: state.db), state.today(), Stamp(actor: caller.actor))
        return RecordedDTO(
            try await DatabaseWork.run {
                try reporting.correct(
                    n, from: asked.from, to: asked.to, part: asked.part, reason: asked.reason, by: caller, today: today, stamp: stamp)
            })
    }

    @Sendable func withdraw(_ request: Request, context: AppContext) async throws -> RecordedDTO {
        let caller = try context.caller()
        let n = try number(context)
        let (reporting, stamp) = (AbsenceReporting(db: state.db), Stamp(actor: caller.actor))
        return RecordedDTO(try await DatabaseWork.run { try reporting.withdraw(n, reason: "withdrawn through the API", by: caller, stamp: stamp) })
    }

    func number(_ context: AppContext) throws -> Int64 {
        guard let n = context.parameters.get("n", as: Int64.self) else { throw Problem(.notFound, "no such absence") }
        return n
    }

    /// An absence as posted: `{"from": …, "to": …, "part": "day|morning|afternoon", "reason": …}`.
    struct Asked {
        var from, to: CalendarDate
        var part: DayPart
        var reason: String

        static func read(_ request: Request, _ context: AppContext) async throws -> Asked {
            let f = try JSONFields(try await JSONBody.object(request, context).value, path: "")
            try f.onlyKeys(["from", "to", "part", "reason"])
            let from = try Day.date(try f.string("from"), field: "from", what: "the first day away")
            let to = try Day.date(try f.optionalString("to") ?? from.description, field: "to", what: "the last day away")
            let text = try f.optionalString("part") ?? "day"
            guard let part = DayPart(rawValue: text) else { throw InputError(field: "part", problem: "must be day, morning or afternoon") }
            return Asked(from: from, to: to, part: part, reason: try f.optionalString("reason") ?? "")
        }
    }
}
