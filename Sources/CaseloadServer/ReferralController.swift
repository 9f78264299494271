import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

extension ReferralDTO: ResponseEncodable {}
extension WaitingDTO: ResponseEncodable {}
extension ListDTO: ResponseEncodable {}
extension OverrideDTO: ResponseEncodable {}

/// `/v1/referrals`: SENCOs submit and follow their school's referrals; leaders see all.
struct ReferralController {
    let state: ServerState

    func register(_ group: RouterGroup<AppContext>) {
        group.post("referrals", use: submit)
        group.get("referrals", use: list)
        group.get("referrals/:id", use: show)
        group.patch("referrals/:id", use: update)
        group.post("referrals/:id/override", use: setOverride)
        group.delete("referrals/:id/override", use: clearOverride)
        for change in ReferralLifecycle.Change.allCases {
            group.post("referrals/:id/\(change.rawValue)") { request, context in try await self.change(request, context, to: change) }
        }
    }

    @Sendable func submit(_ request: Request, context: AppContext) async throws -> EditedResponse<ReferralDTO> {
        let caller = try context.caller()
        let body = try await JSONBody.object(request, context)
        let intake = ReferralIntake(db: state.db, config: state.config)
        let today = state.today()
        let stamp = Stamp(actor: caller.actor)
        let referral = try await DatabaseWork.run { try intake.submit(body.pairs, from: .caller(caller), today: today, stamp: stamp) }
        let place = referral.status == .waiting ? try state.waiting.place(referral, state: state) : nil
        return EditedResponse(status: .created, response: ReferralDTO(referral, waiting: place))
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> ListDTO<ReferralDTO> {
        let caller = try context.caller()
        let school = try AccessPolicy.scope(caller, .readReferrals, school: request.uri.queryParameters.get("school")).school
        let statuses = try request.uri.queryParameters.get("status").map { text -> [ReferralStatus] in
            guard let s = ReferralStatus(rawValue: text) else {
                throw Problem(
                    .badRequest, "status must be one of \(ReferralStatus.allCases.map(\.rawValue).joined(separator: ", "))", field: "status")
            }
            return [s]
        }
        let paging = try Paging.from(request)
        let service = request.uri.queryParameters.get("service")?.uppercased()
        let (referrals, total) = try state.db.referrals.all(
            school: school, service: service, statuses: statuses, limit: paging.perPage,
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
        let referral = try visible(request, context, .changeReferral)
        let caller = try context.caller()
        var body = try await JSONBody.object(request, context)
        let note = body.string("note") ?? ""
        body.remove("note")
        let editor = ReferralUpdating(db: state.db, config: state.config)
        let patch = body.value
        let stamp = Stamp(actor: caller.actor)
        let changed = try await DatabaseWork.run { try editor.update(referral.id, patch: patch, school: caller.school, note: note, stamp: stamp) }
        return try dto(changed)
    }

    func change(_ request: Request, _ context: AppContext, to change: ReferralLifecycle.Change) async throws -> ReferralDTO {
        let caller = try context.caller()
        let id = try referralId(request, context)
        let note = try await JSONBody.note(request, context)
        let lifecycle = ReferralLifecycle(db: state.db)
        let stamp = Stamp(actor: caller.actor)
        let changed = try await DatabaseWork.run { try lifecycle.apply(change, to: id, by: caller, note: note, stamp: stamp) }
        return try dto(changed)
    }

    /// A leader's override: `{"week": "2026-12-07", "reason": "…"}` books the referral's next
    /// session in that week; without `week`, it has first claim until booked.
    @Sendable func setOverride(_ request: Request, context: AppContext) async throws -> OverrideDTO {
        let caller = try context.caller()
        let id = try referralId(request, context)
        let f = try JSONFields(try await JSONBody.object(request, context).value, path: "")
        try f.onlyKeys(["week", "reason"])
        let (week, reason) = (try f.optionalString("week"), try f.optionalString("reason") ?? "")
        let (overriding, today, stamp) = (ReferralOverriding(db: state.db), state.today(), Stamp(actor: caller.actor))
        let set = try await DatabaseWork.run { try overriding.set(id, week: week, reason: reason, by: caller, today: today, stamp: stamp) }
        return OverrideDTO(set)
    }

    /// Removes the override (204), or 404 when there is none.
    @Sendable func clearOverride(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let id = try referralId(request, context)
        let (overriding, stamp) = (ReferralOverriding(db: state.db), Stamp(actor: caller.actor))
        guard try await DatabaseWork.run({ try overriding.clear(id, reason: "cleared through the API", by: caller, stamp: stamp) }) else {
            throw Problem(.notFound, "referral \(id) has no override")
        }
        return Response(status: .noContent)
    }

    /// The referral in the path, if the access policy lets the caller do `action` to it.
    func visible(_ request: Request, _ context: AppContext, _ action: Action = .readReferrals) throws -> Referral {
        try ReferralLifecycle(db: state.db).referral(try referralId(request, context), for: try context.caller(), action)
    }

    func referralId(_ request: Request, _ context: AppContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw Problem(.notFound, "no referral \(context.parameters.get("id")?.prefix(20) ?? "")")
        }
        return id
    }

    func dto(_ r: Referral) throws -> ReferralDTO {
        let place = r.status == .waiting ? try state.waiting.places([r.id], services: [r.request.service], state: state)[r.id] : nil
        return ReferralDTO(r, waiting: place)
    }
}
