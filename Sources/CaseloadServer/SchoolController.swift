import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// `/v1/schools/{urn}/closures`: the days a school is closed (INSET days and the like). A leader
/// manages any school's; a SENCO only their own school's. Another school's is a 404.
struct SchoolController {
    let state: ServerState

    struct ClosureDTO: ResponseEncodable {
        var id: Int64?, school: String?, from: String, to: String, reason: String
        init(_ c: Closure) {
            id = c.id
            school = c.school
            from = c.from.description
            to = c.to.description
            reason = c.reason
        }
    }
    struct ClosuresDTO: ResponseEncodable { var items: [ClosureDTO] }
    struct AddedDTO: ResponseEncodable {
        var closure: ClosureDTO
        var replanWeeks: [String]
        enum CodingKeys: String, CodingKey {
            case closure
            case replanWeeks = "replan_weeks"
        }
    }

    func register(_ group: RouterGroup<AppContext>) {
        group.get("schools/:urn/closures", use: list)
        group.post("schools/:urn/closures", use: add)
        group.delete("schools/:urn/closures/:id", use: remove)
    }

    /// The school's closures and the trust-wide ones.
    @Sendable func list(_ request: Request, context: AppContext) async throws -> ClosuresDTO {
        let urn = try school(context)
        return ClosuresDTO(items: try state.db.calendar.closures(school: urn).map(ClosureDTO.init))
    }

    /// Body: `{"from": "2027-01-04", "to": "2027-01-04", "reason": "INSET day"}` (`to` defaults to `from`).
    @Sendable func add(_ request: Request, context: AppContext) async throws -> EditedResponse<AddedDTO> {
        let (urn, caller) = (try school(context), try context.caller())
        let body = try JSONFields(try await JSONBody.object(request, context).value, path: "")
        try body.onlyKeys(["from", "to", "reason"])
        let from = try TrustConfig.date(body, "from")
        let to = body.optional("to") == nil ? from : try TrustConfig.date(body, "to")
        let closure = Closure(from: from, to: to, reason: try body.string("reason"), school: urn)
        let db = state.db
        let stamp = Stamp(actor: caller.actor)  // the store checks the closure (Closure.problem) for every caller
        let added = try await DatabaseWork.run { try db.calendar.addClosures([closure], stamp: stamp) }
        return EditedResponse(
            status: .created,
            response: AddedDTO(closure: ClosureDTO(added.saved[0]), replanWeeks: added.replan.map(\.week.description)))
    }

    @Sendable func remove(_ request: Request, context: AppContext) async throws -> HTTPResponse.Status {
        let (urn, caller) = (try school(context), try context.caller())
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { throw Problem(.notFound, "no such closure") }
        let db = state.db
        let stamp = Stamp(actor: caller.actor)
        try await DatabaseWork.run { try db.calendar.removeClosure(id: id, school: urn, stamp: stamp) }
        return .noContent
    }

    /// The school in the path, if the caller may manage it: a leader, or that school's SENCO.
    func school(_ context: AppContext) throws -> String {
        let urn = context.parameters.get("urn") ?? ""
        _ = try context.caller(may: .manageClosures, .school(urn))
        guard (try? state.db.roster.school(urn)) != nil else { throw Problem(.notFound, "no school \(urn.prefix(20))") }
        return urn
    }
}
