import CaseloadCore
import CaseloadService
import Hummingbird

/// `/v1/waitlist`: leaders see every school's list; a SENCO sees their school's places.
struct WaitlistController {
    let state: ServerState

    func register(_ group: RouterGroup<AppContext>) {
        group.get("waitlist", use: list)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> ListDTO<WaitingDTO> {
        let caller = try context.caller()
        let school = try ReferralController(state: state).scope(caller, requested: request.uri.queryParameters.get("school"))
        let services = request.uri.queryParameters.get("service").map { [$0.uppercased()] } ?? state.config.services.map(\.code)
        let paging = try Paging.from(request)
        let (entries, total) = try state.waiting.page(services: services, school: school, offset: paging.offset, limit: paging.perPage, state: state)
        return ListDTO(items: entries.map(WaitingDTO.init), total: total, page: paging.page, perPage: paging.perPage)
    }
}
