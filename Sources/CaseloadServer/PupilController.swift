import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// `POST /v1/pupils/export` and `POST /v1/pupils/erase` (trust leaders): a subject access
/// request and an erasure. The pupil reference travels in the body, never in an address that
/// access logs keep.
struct PupilController {
    let state: ServerState

    func register(_ v1: RouterGroup<AppContext>) {
        v1.post("pupils/export", use: export)
        v1.post("pupils/erase", use: erase)
    }

    @Sendable func export(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let f = try await fields(request, context, ["school", "pupil_ref"])
        let export = try PupilRecords(db: state.db).export(
            school: try f.string("school"), pupilRef: try f.string("pupil_ref"), by: caller, config: state.config, today: state.today())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var response = text(String(decoding: try encoder.encode(export), as: UTF8.self), type: "application/json")
        AuthMiddleware.markPrivate(&response.headers)
        return response
    }

    @Sendable func erase(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let f = try await fields(request, context, ["school", "pupil_ref", "reason"])
        let (school, ref, reason) = (try f.string("school"), try f.string("pupil_ref"), try f.string("reason"))
        let records = PupilRecords(db: state.db)
        let stamp = Stamp(actor: caller.actor)
        let ids = try await DatabaseWork.run { try records.erase(school: school, pupilRef: ref, reason: reason, by: caller, stamp: stamp) }
        return text("{\"erased_referrals\":[\(ids.map(String.init).joined(separator: ","))]}", type: "application/json")
    }

    func fields(_ request: Request, _ context: AppContext, _ keys: [String]) async throws -> JSONFields {
        let body = try await JSONBody.object(request, context)
        let f = try JSONFields(body.value, path: "")
        try f.onlyKeys(keys)
        return f
    }
}
