import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

extension ReferralDTO: ResponseEncodable {}
extension WaitingDTO: ResponseEncodable {}
extension ListDTO: ResponseEncodable {}

/// `/v1/referrals`: SENCOs submit and follow their school's referrals; leaders see all.
struct ReferralController {
    let state: ServerState

    func register(_ group: RouterGroup<AppContext>) {
        group.post("referrals", use: submit)
        group.get("referrals", use: list)
        group.get("referrals/:id", use: show)
        group.patch("referrals/:id", use: update)
        for (action, status) in [("withdraw", ReferralStatus.withdrawn), ("hold", .onHold), ("reopen", .waiting)] {
            group.post("referrals/:id/\(action)") { request, context in try await change(request, context, to: status) }
        }
    }

    @Sendable func submit(_ request: Request, context: AppContext) async throws -> EditedResponse<ReferralDTO> {
        let caller = try context.caller()
        guard caller.school != nil || caller.isLeader else { throw Problem(.forbidden, "only a school's SENCO or a trust leader submits referrals") }
        var body = try await JSONBody.object(request, context)
        if let own = caller.school {
            if let given = body.string("school"), given != own { throw Problem(.notFound, "no school \(given) for this token") }
            body.set("school", .string(own))
        }
        let dating: ReceiptDating = caller.isLeader ? .upTo(weeks: state.config.maxBackdateWeeks) : .today
        let input = try ReferralReader.request(body.value, today: state.today(), dating: dating)
        let threshold = Threshold(state.config)
        try threshold.check(input)
        let decision = threshold.evaluate(input)
        let db = state.db, stamp = Stamp(actor: caller.actor)
        let referral = try await DatabaseWork.run { try db.submit(input, decision: decision, stamp: stamp) }
        let place = referral.status == .waiting ? try state.waiting.place(referral, state: state) : nil
        return EditedResponse(status: .created, response: ReferralDTO(referral, waiting: place))
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> ListDTO<ReferralDTO> {
        let caller = try context.caller()
        let school = try scope(caller, requested: request.uri.queryParameters.get("school"))
        let statuses = try request.uri.queryParameters.get("status").map { text -> [ReferralStatus] in
            guard let s = ReferralStatus(rawValue: text) else {
                throw Problem(.badRequest, "status must be one of \(ReferralStatus.allCases.map(\.rawValue).joined(separator: ", "))", field: "status")
            }
            return [s]
        }
        let paging = try Paging.from(request)
        let service = request.uri.queryParameters.get("service")?.uppercased()
        let (referrals, total) = try state.db.referrals(school: school, service: service, statuses: statuses, limit: paging.perPage,
                                                        offset: paging.offset)
        let waiting = Set(referrals.filter { $0.status == .waiting }.map(\.id))
        let places = try state.waiting.places(waiting, services: service.map { [$0] } ?? state.config.services.map(\.code), state: state)
        return ListDTO(items: referrals.map { ReferralDTO($0, waiting: places[$0.id]) }, total: total, page: paging.page, perPage: paging.perPage)
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> ReferralDTO {
        try dto(try visible(request, context))
    }

    /// Corrects what was submitted for a waiting referral (its SENCO or a leader); judged again.
    @Sendable func update(_ request: Request, context: AppContext) async throws -> ReferralDTO {
        let referral = try visible(request, context)
        let caller = try context.caller()
        var body = try await JSONBody.object(request, context)
        let note = body.string("note") ?? ""
        guard note.count <= 500 else { throw Problem(.unprocessableContent, "note is over 500 characters", field: "note") }
        body.remove("note")
        let editor = ReferralUpdating(db: state.db, config: state.config), patch = body.value, stamp = Stamp(actor: caller.actor)
        let changed = try await DatabaseWork.run { try editor.update(referral.id, patch: patch, school: caller.school, note: note, stamp: stamp) }
        state.waiting.invalidate()
        return try dto(changed)
    }

    func change(_ request: Request, _ context: AppContext, to status: ReferralStatus) async throws -> ReferralDTO {
        let referral = try visible(request, context)
        let caller = try context.caller()
        let note = try await JSONBody.note(request, context)
        let db = state.db, stamp = Stamp(actor: caller.actor)
        let changed = try await DatabaseWork.run { try db.changeStatus(referral.id, to: status, note: note, stamp: stamp) }
        state.waiting.invalidate()
        return try dto(changed)
    }

    /// The referral in the path, if the caller may see it (another school's is a 404).
    func visible(_ request: Request, _ context: AppContext) throws -> Referral {
        let caller = try context.caller()
        guard let id = request.uri.path.split(separator: "/").dropFirst(2).first.flatMap({ Int64($0) }) else {
            throw Problem(.notFound, "no such referral")
        }
        guard caller.isLeader || caller.school != nil else { throw Problem(.forbidden, "specialists read timetables, not referrals") }
        let referral = try? state.db.referral(id)
        guard let referral, caller.school == nil || referral.request.school == caller.school else {
            throw Problem(.notFound, "no referral \(id) for this token")   // the same answer for another school's and a missing one
        }
        return referral
    }

    /// The school a caller's listing is confined to; a SENCO asking for another school sees nothing of it.
    func scope(_ caller: Identity, requested: String?) throws -> String? {
        switch caller.role {
        case .leader: return requested
        case .senco(let own):
            if let requested, requested != own { throw Problem(.notFound, "no school \(requested) for this token") }
            return own
        case .specialist: throw Problem(.forbidden, "specialists read timetables, not referrals")
        }
    }

    func dto(_ r: Referral) throws -> ReferralDTO {
        let place = r.status == .waiting ? try state.waiting.places([r.id], services: [r.request.service], state: state)[r.id] : nil
        return ReferralDTO(r, waiting: place)
    }
}
