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
            id = a.id
            specialist = a.leave.specialist
            from = a.leave.first.description
            to = a.leave.last.description
            part = a.leave.part.rawValue
            reason = a.reason
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

    struct AbsencesDTO: ResponseEncodable { var items: [AbsenceDTO] }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> AbsencesDTO {
        let caller = try context.caller()
        let who = context.parameters.get("id") ?? ""
        let found = try AbsenceReporting(db: state.db).list(who, by: caller)
        return AbsencesDTO(items: found.map { AbsenceDTO($0) })
    }

    @Sendable func report(_ request: Request, context: AppContext) async throws -> EditedResponse<RecordedDTO> {
        let caller = try context.caller()
        let who = context.parameters.get("id") ?? ""
        let body = try await JSONBody.object(request, context)
        let asked = try Asked(body)
        let reporting = AbsenceReporting(db: state.db)
        let today = state.today()
        let stamp = Stamp(actor: caller.actor)
        let done = try await DatabaseWork.run {
            try reporting.report(who, from: asked.from, to: asked.to, part: asked.part, reason: asked.reason, by: caller, today: today, stamp: stamp)
        }
        return EditedResponse(status: .created, response: RecordedDTO(done))
    }

    @Sendable func correct(_ request: Request, context: AppContext) async throws -> RecordedDTO {
        let caller = try context.caller()
        let n = try number(context)
        let body = try await JSONBody.object(request, context)
        let asked = try Asked(body)
        let reporting = AbsenceReporting(db: state.db)
        let today = state.today()
        let stamp = Stamp(actor: caller.actor)
        let done = try await DatabaseWork.run {
            try reporting.correct(n, from: asked.from, to: asked.to, part: asked.part, reason: asked.reason, by: caller, today: today, stamp: stamp)
        }
        return RecordedDTO(done)
    }

    @Sendable func withdraw(_ request: Request, context: AppContext) async throws -> RecordedDTO {
        let caller = try context.caller()
        let n = try number(context)
        let reporting = AbsenceReporting(db: state.db)
        let stamp = Stamp(actor: caller.actor)
        let done = try await DatabaseWork.run { try reporting.withdraw(n, reason: "withdrawn through the API", by: caller, stamp: stamp) }
        return RecordedDTO(done)
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

        init(_ body: JSONBody) throws {
            let f = try JSONFields(body.value, path: "")
            try f.onlyKeys(["from", "to", "part", "reason"])
            from = try Day.date(try f.string("from"), field: "from", what: "the first day away")
            to = try Day.date(try f.optionalString("to") ?? from.description, field: "to", what: "the last day away")
            let text = try f.optionalString("part") ?? "day"
            guard let found = DayPart(rawValue: text) else { throw InputError(field: "part", problem: "must be day, morning or afternoon") }
            part = found
            reason = try f.optionalString("reason") ?? ""
        }
    }
}
