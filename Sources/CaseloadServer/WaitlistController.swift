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
        let entries = try services.flatMap { try state.waiting.list(service: $0, school: school, state: state) }
        return ListDTO(items: paging.slice(entries).map(WaitingDTO.init), total: entries.count, page: paging.page, perPage: paging.perPage)
    }
}
