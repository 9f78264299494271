import CaseloadCore
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
        let entries = try state.db.waitingList(config: state.config, today: state.today(),
                                               service: request.uri.queryParameters.get("service")?.uppercased(), school: school)
        return ListDTO(items: entries.map(WaitingDTO.init))
    }
}
