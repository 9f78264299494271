import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// `/v1/people`: the trust's people, for leaders. Listed, added, changed (name, email, roles,
/// switched off or on), given an access key, and the staff list taken as CSV.
struct PeopleController {
    let state: ServerState

    func register(_ group: RouterGroup<AppContext>) {
        group.get("people", use: list)
        group.post("people", use: add)
        group.post("people/import", use: importStaff)
        group.get("people/:id", use: one)
        group.patch("people/:id", use: change)
        group.post("people/:id/keys", use: key)
    }

    /// One person as the API answers it (no pupil data).
    struct PersonDTO: ResponseEncodable {
        var id: Int64
        var name, email: String
        var roles: [String]
        var switchedOff: Bool
        var hasSignedIn: Bool
        var delivery: String

        enum CodingKeys: String, CodingKey {
            case id, name, email, roles, delivery
            case switchedOff = "switched_off"
            case hasSignedIn = "has_signed_in"
        }

        init(_ p: Person) {
            (id, name, email, roles) = (p.id, p.name, p.email, p.roles.map(\.spelled))
            (switchedOff, hasSignedIn, delivery) = (p.isDisabled, p.hasSignedIn, p.delivery.rawValue)
        }
    }

    struct PeopleDTO: ResponseEncodable { var items: [PersonDTO] }
    struct ImportedDTO: ResponseEncodable { var added, changed: Int }
    struct KeyDTO: ResponseEncodable { var id: Int64, secret: String }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> PeopleDTO {
        PeopleDTO(items: try People(db: state.db).list(by: try context.caller()).map(PersonDTO.init))
    }

    @Sendable func one(_ request: Request, context: AppContext) async throws -> PersonDTO {
        PersonDTO(try People(db: state.db).person(try id(context), by: try context.caller()))
    }

    @Sendable func add(_ request: Request, context: AppContext) async throws -> EditedResponse<PersonDTO> {
        let caller = try context.caller(may: .managePeople)
        let f = try JSONFields(try await JSONBody.object(request, context).value, path: "")
        try f.onlyKeys(["name", "email", "roles"])
        let details = PersonDetails(name: try f.string("name"), email: try f.string("email"), roles: try roles(f) ?? [])
        let added = try People(db: state.db).add(details, by: caller, stamp: Stamp(actor: caller.actor))
        return EditedResponse(status: .created, response: PersonDTO(added))
    }

    @Sendable func change(_ request: Request, context: AppContext) async throws -> PersonDTO {
        let caller = try context.caller(may: .managePeople)
        let (people, id, stamp) = (People(db: state.db), try id(context), Stamp(actor: caller.actor))
        let f = try JSONFields(try await JSONBody.object(request, context).value, path: "")
        try f.onlyKeys(["name", "email", "roles", "switched_off", "delivery"])
        var details = PersonDetails(name: try f.optionalString("name"), email: try f.optionalString("email"), roles: try roles(f))
        if let how = try f.optionalString("delivery") {
            guard let delivery = Delivery(rawValue: how) else { throw InputError(field: "delivery", problem: "write at_once or daily_digest") }
            details.delivery = delivery
        }
        var person = details == PersonDetails() ? try people.person(id, by: caller) : try people.change(id, details, by: caller, stamp: stamp)
        if let off = try f.optionalBool("switched_off"), off != person.isDisabled {
            person = try people.setDisabled(id, off, by: caller, stamp: stamp)
        }
        return PersonDTO(person)
    }

    @Sendable func importStaff(_ request: Request, context: AppContext) async throws -> ImportedDTO {
        let caller = try context.caller(may: .managePeople)
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let csv = String(bytes: body.readableBytesView, encoding: .utf8) else { throw Problem(.badRequest, "send the staff list as UTF-8 CSV") }
        let (added, changed) = try People(db: state.db).importStaff(csv, by: caller, stamp: Stamp(actor: caller.actor))
        return ImportedDTO(added: added, changed: changed)
    }

    @Sendable func key(_ request: Request, context: AppContext) async throws -> EditedResponse<KeyDTO> {
        let caller = try context.caller(may: .managePeople)
        let f = try JSONFields(try await JSONBody.object(request, context).value, path: "")
        try f.onlyKeys(["label", "days"])
        let days = try f.optionalInt("days", in: 1...3650) ?? AccessStore.tokenLifetimeDays
        let made = try People(db: state.db).newKey(
            for: try id(context), label: try f.optionalString("label") ?? "", days: days, by: caller, stamp: Stamp(actor: caller.actor))
        return EditedResponse(status: .created, response: KeyDTO(id: made.id, secret: made.secret))
    }

    func id(_ context: AppContext) throws -> Int64 {
        guard let n = context.parameters.get("id", as: Int64.self) else { throw Problem(.notFound, "no such person; GET /v1/people lists them") }
        return n
    }

    func roles(_ f: JSONFields) throws -> [Role]? {
        guard let given = try f.strings("roles") else { return nil }
        return try Role.list(given.joined(separator: ";"))
    }
}
