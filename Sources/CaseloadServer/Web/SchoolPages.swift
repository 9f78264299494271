import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// A SENCO's pages (a leader sees them for every school): the school's referrals, asking for
/// specialist time, a referral's story and the changes a SENCO makes, and the school's visits.
struct SchoolPages {
    let state: ServerState
    let pages: Pages

    func register(_ web: RouterGroup<AppContext>) {
        web.get("referrals", use: list)
        web.get("referrals/new", use: newForm)
        web.post("referrals", use: submit)
        web.get("referrals/:id", use: show)
        for change in ReferralLifecycle.Change.allCases {
            web.post("referrals/:id/\(change.rawValue)") { request, context in try await self.change(request, context, change) }
        }
        web.post("referrals/:id/override", use: setOverride)
        web.post("referrals/:id/override/clear", use: clearOverride)
        web.get("visits", use: visits)
        web.get("visits.ics", use: visitsCalendar)
    }

    /// The school's referrals (a leader's: every school's), newest first, fifty a page, filtered
    /// by status, service and school and searched by the start of a pupil reference.
    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let filter = ReferralFilter(request, services: state.config.services.map(\.code))
        let school = try AccessPolicy.scope(caller, .readReferrals, school: filter.school).school
        let (referrals, total) = try state.db.referrals.all(
            school: school, service: filter.service, statuses: filter.status.map { [$0] }, pupil: filter.pupil, newestFirst: true,
            limit: ReferralFilter.perPage, offset: (filter.page - 1) * ReferralFilter.perPage)
        let waiting = Set(referrals.filter { $0.status == .waiting }.map(\.id))
        let places = try state.waiting.places(waiting, services: state.config.services.map(\.code), state: state)
        let names = try state.db.roster.schoolNames()
        let rows = referrals.map { row($0, places[$0.id], names) }
        let name = school.map { names[$0] ?? "school \($0)" }
        let page = ReferralsPage(
            rows: rows, none: rows.isEmpty, total: total, school: name ?? "every school", everySchool: school == nil,
            filters: filter.choices(state.config, schools: caller.isLeader ? names : [:]), pupil: filter.pupil ?? "",
            filtered: filter.narrows, paging: filter.paging(total: total, shown: rows.count))
        return pages.render(page, title: name.map { "Referrals of \($0)" } ?? "All referrals", context: context)
    }

    func row(_ r: Referral, _ place: WaitingEntry?, _ names: [String: String]) -> ReferralsPage.Row {
        let today = state.today()
        return ReferralsPage.Row(
            id: r.id, pupil: r.request.pupilRef, service: state.config.service(r.request.service)?.name ?? r.request.service,
            status: Spoken.status(r.status), position: place.map { "\($0.position)" } ?? "",
            firstWeek: place?.estimatedFirstWeek.map { "the week of \(Spoken.date($0, today: today))" } ?? "",
            received: Spoken.date(r.request.receivedOn, today: today), school: names[r.request.school] ?? r.request.school)
    }

    @Sendable func newForm(_ request: Request, context: AppContext) async throws -> Response {
        _ = try AccessPolicy.scope(try context.caller(), .submitReferral, school: nil)
        return pages.render(
            ReferralFormPage(config: state.config).values(nil, schools: context.schoolChoices), title: "Request specialist time", context: context)
    }

    @Sendable func submit(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let form = try await WebForm.read(ReferralForm.self, request, context)
        let page = ReferralFormPage(config: state.config)
        let intake = ReferralIntake(db: state.db, config: state.config)
        let today = state.today()
        let stamp = Stamp(actor: caller.actor)
        let referral: Referral
        do {
            referral = try await DatabaseWork.run { try intake.submit(page.fields(form), from: .caller(caller), today: today, stamp: stamp) }
        } catch let error as InputError {
            let all = intake.problems(page.fields(form), from: .caller(caller), today: today)
            let values = page.values(form, problems: all.isEmpty ? [error] : all, schools: context.schoolChoices)
            return pages.render(values, title: "Request specialist time", context: context, status: .unprocessableContent)
        } catch StoreError.conflict(let message, _) {
            let values = page.values(form, problems: [InputError(field: "pupil_ref", problem: message)], schools: context.schoolChoices)
            return pages.render(values, title: "Request specialist time", context: context, status: .conflict)
        }
        if referral.status == .waiting { _ = try state.waiting.place(referral, state: state) }
        return Response.redirect(to: "/referrals/\(referral.id)?new=1", type: .normal)
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let id = try referralId(context)
        let r = try ReferralLifecycle(db: state.db).referral(id, for: caller)
        let place = r.status == .waiting ? try state.waiting.place(r, state: state) : nil
        var page = ReferralStory.page(r, place: place, history: try state.db.referrals.history(id), today: state.today(), config: state.config)
        page.school = try state.db.roster.school(r.request.school)?.name ?? "school \(r.request.school)"
        page.justSent = request.uri.queryParameters.get("new") != nil
        if AccessPolicy.allows(caller, .overrideReferral, .trust), r.status == .waiting || r.status == .active {
            page.mayOverride = true
            page.override = try state.db.referrals.override(of: id).map { .init(session: $0.session, words: $0.words, reason: $0.reason) }
        }
        page.notice = SchoolPages.notice(request.uri.queryParameters.get("done"))
        return pages.render(page, title: "Referral \(id)", context: context)
    }

    func change(_ request: Request, _ context: AppContext, _ change: ReferralLifecycle.Change) async throws -> Response {
        let caller = try context.caller()
        let id = try referralId(context)
        let form = try await WebForm.read(NoteForm.self, request, context)
        let lifecycle = ReferralLifecycle(db: state.db)
        let note = form.note.given ?? ""
        if change == .withdraw, form.confirm != "yes" {  // it cannot be undone: ask first
            let r = try lifecycle.referral(id, for: caller)
            let service = state.config.service(r.request.service)?.name ?? r.request.service
            let page = WithdrawConfirmPage(id: id, pupil: r.request.pupilRef, service: service, note: note)
            return pages.render(page, title: "Withdraw referral \(id)?", context: context)
        }
        let stamp = Stamp(actor: caller.actor)
        _ = try await DatabaseWork.run { try lifecycle.apply(change, to: id, by: caller, note: note, stamp: stamp) }
        return Response.redirect(to: "/referrals/\(id)?done=\(change.rawValue)", type: .normal)
    }

    @Sendable func setOverride(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let id = try referralId(context)
        let form = try await WebForm.read(OverrideForm.self, request, context)
        let (overriding, today, stamp) = (ReferralOverriding(db: state.db), state.today(), Stamp(actor: caller.actor))
        let (week, reason) = (form.week.given, form.reason.given ?? "")
        _ = try await DatabaseWork.run { try overriding.set(id, week: week, reason: reason, by: caller, today: today, stamp: stamp) }
        return Response.redirect(to: "/referrals/\(id)?done=override", type: .normal)
    }

    @Sendable func clearOverride(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let id = try referralId(context)
        _ = try await WebForm.read(EmptyForm.self, request, context)
        let (overriding, stamp) = (ReferralOverriding(db: state.db), Stamp(actor: caller.actor))
        _ = try await DatabaseWork.run { try overriding.clear(id, reason: "removed on the referral's page", by: caller, stamp: stamp) }
        return Response.redirect(to: "/referrals/\(id)?done=cleared", type: .normal)
    }

    /// What the last change on a referral's page did (the address carries only which change).
    static func notice(_ done: String?) -> String? {
        switch done {
        case "override": "Saved: this referral now goes first. Re-plan a drafted week to take it in."
        case "cleared": "The override is removed."
        case "withdraw": "Withdrawn: the referral has left the waiting list. Its record is kept as the trust's retention rule says."
        case "hold": "Put on hold: it keeps its waiting time, and is not booked until it is put back on the list."
        case "reopen": "Put back on the waiting list: its place and likely first visit are below."
        case "complete": "Marked as finished: no more sessions are booked for it."
        default: nil
        }
    }

    func referralId(_ context: AppContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw StoreError.notFound("no such referral", next: .listReferrals) }
        return id
    }

    /// A school's visits in a week: by default the next week with a visit still to come; the
    /// calendar file is offered only for a published week.
    @Sendable func visits(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let school = request.uri.queryParameters.get("school")
        let query = TimetableQuery(db: state.db, services: state.config.services)
        let next = request.uri.queryParameters.get("week") == nil ? try query.nextWeekWithVisits(for: caller, school: school, now: state.now()) : nil
        let week = try WeekChoice(request, today: state.today(), otherwise: next)
        let page: VisitsPage
        do {
            let view = try query.view(week: week.monday, for: caller, school: school, today: state.today())
            let days = DayByDay(
                view.rows, today: state.today(), people: try state.db.roster.contacts(),
                services: Dictionary(state.config.services.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }))
            page = VisitsPage(nav: week.nav, days: days.days, none: days.none, empty: nil, published: view.timetable.published)
        } catch StoreError.notFound(let message, _) {
            page = VisitsPage(nav: week.nav, days: [], none: false, empty: message, published: false)
        }
        return pages.render(page, title: "Visits, \(week.title)", context: context)
    }

    @Sendable func visitsCalendar(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let week = try WeekChoice(request, today: state.today())
        let view = try TimetableQuery(db: state.db, services: state.config.services).view(
            week: week.monday, for: caller, school: request.uri.queryParameters.get("school"), today: state.today())
        var response = try TimetableFormats.response(view, format: "ics")
        response.headers[.contentDisposition] = "attachment; filename=\"visits-\(week.monday).ics\""
        return response
    }
}
