import CaseloadCore
import CaseloadService
import CaseloadStore
import Hummingbird

/// `/v1/waitlist`: leaders see every school's list; a SENCO sees their school's places.
struct WaitlistController {
    let state: ServerState

    struct ProjectionDTO: ResponseEncodable {
        var madeOn: String
        var weeks: [String]
        var waiting: Int
        var seen: Int
        enum CodingKeys: String, CodingKey {
            case madeOn = "made_on"
            case weeks, waiting, seen
        }
    }

    func register(_ group: RouterGroup<AppContext>) {
        group.get("waitlist", use: list)
        group.post("waitlist/projection", use: project)
    }

    /// A leader rolls the list forward with the planner (one heavy job at a time), so that the
    /// first weeks promised to SENCOs are the planner's.
    @Sendable func project(_ request: Request, context: AppContext) async throws -> ProjectionDTO {
        let caller = try context.caller(may: .projectWaitingList)
        let projection = WaitingProjection(db: state.db, config: state.config, options: state.planner)
        let today = state.today()
        let p = try await state.heavy.run("projecting the waiting list") { try projection.run(today: today, stamp: Stamp(actor: caller.actor)) }
        return ProjectionDTO(madeOn: p.madeOn.description, weeks: p.weeks.map(\.description), waiting: p.waiting.count, seen: p.firstWeek.count)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> ListDTO<WaitingDTO> {
        let caller = try context.caller()
        let school = try AccessPolicy.scope(caller, .readWaitingList, school: request.uri.queryParameters.get("school")).school
        let services = request.uri.queryParameters.get("service").map { [$0.uppercased()] } ?? state.config.services.map(\.code)
        let paging = try Paging.from(request)
        let (entries, total) = try state.waiting.page(services: services, school: school, offset: paging.offset, limit: paging.perPage, state: state)
        return ListDTO(items: entries.map(WaitingDTO.init), total: total, page: paging.page, perPage: paging.perPage)
    }
}
