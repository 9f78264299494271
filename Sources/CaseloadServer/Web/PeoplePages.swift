import CaseloadCore
import CaseloadService
import CaseloadStore
import Hummingbird

/// `/people`: a leader adds, changes and switches off the trust's people, and pastes the staff
/// list. Every change goes through the `People` use case, as the CLI and the API do.
struct PeoplePages {
    let state: ServerState
    let pages: Pages

    func register(_ web: RouterGroup<AppContext>) {
        web.get("people", use: list)
        web.post("people", use: add)
        web.post("people/import", use: importStaff)
        web.get("people/:id", use: one)
        web.post("people/:id", use: change)
        web.post("people/:id/switch", use: switchOffOrOn)
        web.get("messages", use: messages)
        web.get("jobs", use: jobs)
    }

    @Sendable func jobs(_ request: Request, context: AppContext) async throws -> Response {
        let list = try ScheduledJobs(db: state.db, config: state.config).overview(now: state.now(), by: try context.caller())
        let rows = list.map { job in
            JobsPage.Row(
                name: JobsRule.title(job.name), when: job.time.description, last: job.last.map { "due \($0.due)" } ?? "not yet",
                outcome: job.last.map { "\($0.outcome ?? "running"): \($0.detail)" } ?? "", next: job.next.description)
        }
        return pages.render(JobsPage(jobs: rows), title: "Scheduled jobs", context: context)
    }

    @Sendable func messages(_ request: Request, context: AppContext) async throws -> Response {
        let (failing, latest) = try Postbox(db: state.db).overview(by: try context.caller())
        let page = MessagesPage(
            alarm: OutboxStore.attemptsBeforeAlarm, failing: failing.map { .init($0, sentAt: nil) },
            latest: latest.map { .init($0.message, sentAt: $0.sentAt) })
        return pages.render(page, title: "Messages", context: context)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let names = try state.db.roster.schoolNames()
        let people = try People(db: state.db).list(by: caller).map { PeoplePage.Row($0, schools: names) }
        let done = PeoplePages.notice(request.uri.queryParameters.get("done") ?? "")
        return pages.render(PeoplePage(people: people, notice: done), title: "People", context: context)
    }

    @Sendable func one(_ request: Request, context: AppContext) async throws -> Response {
        let person = try People(db: state.db).person(try id(context), by: try context.caller())
        return pages.render(PersonPage(person), title: person.name, context: context)
    }

    @Sendable func add(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let form = try await WebForm.read(PersonForm.self, request, context)
        do {
            _ = try People(db: state.db).add(try form.details(), by: caller, stamp: Stamp(actor: caller.actor))
        } catch let error as InputError {
            return try refuse("\(error.field): \(error.problem)", context)
        } catch StoreError.conflict(let message, _) {
            return try refuse(message, context)
        }
        return Response.redirect(to: "/people?done=added", type: .normal)
    }

    @Sendable func change(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let id = try id(context)
        let form = try await WebForm.read(PersonForm.self, request, context)
        let people = People(db: state.db)
        do {
            _ = try people.change(id, try form.details(), by: caller, stamp: Stamp(actor: caller.actor))
        } catch let error as InputError {
            return pages.render(
                PersonPage(try people.person(id, by: caller), error: "\(error.field): \(error.problem)"), title: "Change", context: context,
                status: .unprocessableContent)
        } catch StoreError.conflict(let message, _) {
            return pages.render(PersonPage(try people.person(id, by: caller), error: message), title: "Change", context: context, status: .conflict)
        }
        return Response.redirect(to: "/people?done=changed", type: .normal)
    }

    @Sendable func switchOffOrOn(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let form = try await WebForm.read(SwitchForm.self, request, context)
        let off = form.off == "yes"
        _ = try People(db: state.db).setDisabled(try id(context), off, by: caller, stamp: Stamp(actor: caller.actor))
        return Response.redirect(to: "/people?done=\(off ? "off" : "on")", type: .normal)
    }

    @Sendable func importStaff(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let form = try await WebForm.read(StaffListForm.self, request, context)
        do {
            let (added, changed) = try People(db: state.db).importStaff(form.csv ?? "", by: caller, stamp: Stamp(actor: caller.actor))
            return Response.redirect(to: "/people?done=imported-\(added)-\(changed)", type: .normal)
        } catch StoreError.invalid(let message, _) {
            return try refuse(message, context)
        }
    }

    private func refuse(_ message: String, _ context: AppContext) throws -> Response {
        let caller = try context.caller()
        let names = try state.db.roster.schoolNames()
        let people = try People(db: state.db).list(by: caller).map { PeoplePage.Row($0, schools: names) }
        return pages.render(PeoplePage(people: people, error: message), title: "People", context: context, status: .unprocessableContent)
    }

    func id(_ context: AppContext) throws -> Int64 {
        guard let n = context.parameters.get("id", as: Int64.self) else { throw StoreError.notFound("no such person", next: .listPeople) }
        return n
    }

    /// The notice after a change (`done=`), or `nil`.
    static func notice(_ done: String) -> String? {
        let parts = done.split(separator: "-")
        if parts.count == 3, parts[0] == "imported", let added = Int(parts[1]), let changed = Int(parts[2]) {
            return "Staff list taken: \(added) added, \(changed) changed."
        }
        return notices[done]
    }

    static let notices = [
        "added": "Added. They can sign in now with that address's account.", "changed": "Changed.",
        "off": "Switched off: their sessions end at their next click, and their keys and calendar feeds have stopped.",
        "on": "Switched back on. Their old access keys stay withdrawn.",
    ]
}

/// A person's details as the add and change forms post them.
struct PersonForm: Decodable {
    let name, email, roles, delivery: String?

    func details() throws -> PersonDetails {
        PersonDetails(name: name, email: email, roles: try roles.map { try Role.list($0) }, delivery: delivery.flatMap(Delivery.init(rawValue:)))
    }
}

/// Switch a person off (`off=yes`) or back on.
struct SwitchForm: Decodable { let off: String? }

/// The staff list pasted as CSV.
struct StaffListForm: Decodable { let csv: String? }
