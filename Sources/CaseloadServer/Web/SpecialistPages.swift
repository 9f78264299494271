import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// A specialist's pages: their week day by day (journeys, sessions and the break), the day's
/// outcomes in one form, an absence reported, and their private calendar subscription address.
/// A trust leader sees the same for any specialist with `?specialist=`.
struct SpecialistPages {
    let state: ServerState
    let pages: Pages
    /// Whether the site is served over HTTPS (for the subscription address it shows).
    let secure: Bool

    func register(_ web: RouterGroup<AppContext>) {
        web.get("my-week", use: week)
        web.post("my-week/outcomes", use: record)
        web.post("my-week/absence", use: absence)
        web.post("my-week/absence/:n/withdraw", use: withdrawAbsence)
        web.post("my-week/calendar", use: calendar)
    }

    /// Whose week: the specialist's own; a leader names one (a leader who is also a specialist
    /// gets their own unless they name another).
    static func specialist(_ caller: Identity, asked: String?) throws -> String {
        if let own = caller.specialist, !caller.isLeader || asked?.isEmpty != false { return own }
        guard let asked, !asked.isEmpty else { throw InputError(field: "specialist", problem: "choose a specialist, for example ?specialist=EP1") }
        return String(asked.prefix(60))
    }

    @Sendable func week(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let week = try WeekChoice(request, today: state.today())
        let who = try SpecialistPages.specialist(caller, asked: request.uri.queryParameters.get("specialist"))
        var page = MyWeekPage(nav: week.nav, specialist: who)
        do {
            let view = try TimetableQuery(db: state.db, services: state.config.services).view(
                week: week.monday, for: caller, specialist: who, today: state.today())
            page.days = SpecialistPages.agenda(view, today: state.today(), notes: try state.db.timetables.notes(week: week.monday))
            page.none = page.days.isEmpty
        } catch StoreError.notFound(let message, _) {
            page.empty = message
        }
        if let feed = try CalendarFeeds(db: state.db, services: state.config.services).current(who, by: caller) {
            page.feedSince = Spoken.date(CalendarDate(String(feed.createdAt.prefix(10))) ?? state.today(), today: state.today())
        }
        page.notice = SpecialistPages.notice(request.uri.queryParameters)
        let recorded = try AbsenceReporting(db: state.db).list(who, by: caller).filter { $0.leave.last >= week.monday }
        page.absences = recorded.map(SpecialistPages.listed)
        page.hasAbsences = !recorded.isEmpty
        page.away = SpecialistPages.away(recorded, week: week.monday, today: state.today())
        page.hasAway = !page.away.isEmpty
        return pages.render(page, title: try SpecialistPages.title(who, caller, state.db, week: week.title), context: context)
    }

    /// "My week of Mon 7 Dec" for the specialist themselves; "Asha Patel's week of Mon 7 Dec"
    /// for a leader looking on (the id only when the roster gives no name). `week` is "week of …".
    static func title(_ who: String, _ caller: Identity, _ db: AppDatabase, week: String) throws -> String {
        guard caller.specialist != who else { return "My \(week)" }
        return "\(try SpecialistPages.name(who, db))'s \(week)"
    }

    /// The specialist's name from the roster, or their id when it gives none.
    static func name(_ who: String, _ db: AppDatabase) throws -> String { try db.roster.contacts()[who]?.name ?? who }

    /// Each day's journeys, sessions and break, in time order.
    static func agenda(_ view: TimetableView, today: CalendarDate, notes: [Int64: String] = [:]) -> [MyWeekPage.Day] {
        DayAgenda.days(view).sorted { $0.key < $1.key }.map { date, items in
            MyWeekPage.Day(
                date: date.description, title: Spoken.date(date, today: today), isPast: date <= today,
                items: items.map { item(date, $0, notes) })
        }
    }

    static func item(_ date: CalendarDate, _ item: AgendaItem, _ notes: [Int64: String] = [:]) -> MyWeekPage.Item {
        var row = MyWeekPage.Item(time: "\(ClockTime(minutes: item.start))–\(ClockTime(minutes: item.end))", date: date.description)
        switch item.kind {
        case .travel: row.travel = "Travel to \(item.destination ?? "the next school") (\(item.end - item.start) min)"
        case .rest: row.rest = "Break (\(item.end - item.start) min)"
        case .session:
            row.session = item.row.map { r in
                var s = DayByDay.session(r, [:], [:])
                s.note = notes[r.booking.referral] ?? ""
                return s
            }
        }
        return row
    }

    @Sendable func withdrawAbsence(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        guard let n = context.parameters.get("n", as: Int64.self) else { throw StoreError.notFound("no such absence") }
        let form = try await WebForm.read(SpecialistForm.self, request, context)
        let (reporting, stamp) = (AbsenceReporting(db: state.db), Stamp(actor: caller.actor))
        let done = try await DatabaseWork.run { try reporting.withdraw(n, reason: "withdrawn on the week page", by: caller, stamp: stamp) }
        let week = done.from.monday
        return Response.redirect(to: "/my-week?week=\(week)\(SpecialistPages.whose(caller, form))&withdrawn=\(done.bookedSessions)", type: .normal)
    }

    /// An absence as the page lists it: "Tue 8 Dec to Wed 9 Dec", "the morning of Tue 8 Dec".
    static func listed(_ a: AbsenceRecord) -> MyWeekPage.Absence {
        let l = a.leave
        let when =
            l.part != .whole
            ? "\(l.part.words) of \(Spoken.date(l.first))"
            : l.first == l.last ? Spoken.date(l.first) : "\(Spoken.date(l.first)) to \(Spoken.date(l.last))"
        return MyWeekPage.Absence(id: a.id, when: when, reason: a.reason)
    }

    /// Each day of the week of `monday` an absence covers: "Tue 8 Dec (the morning)".
    static func away(_ recorded: [AbsenceRecord], week monday: CalendarDate, today: CalendarDate) -> [MyWeekPage.Absence] {
        (0..<5).flatMap { i -> [MyWeekPage.Absence] in
            let date = monday.adding(days: i)
            return recorded.filter { $0.leave.covers(date) }.map { a in
                let part = a.leave.part == .whole ? "" : " (\(a.leave.part.words))"
                return MyWeekPage.Absence(id: a.id, when: Spoken.date(date, today: today) + part, reason: a.reason)
            }
        }
    }

    /// The day's outcomes as posted (`outcome[r<id>]`), blank ones left out. Kept out of the
    /// async handler: Swift 6.3.1's release build crashed splitting that coroutine with this
    /// throwing closure inside it.
    static func entries(_ form: OutcomesForm) throws -> SessionRecording.DayRecord {
        var choices: [Int64: SessionOutcome] = [:]
        var notes: [Int64: String] = [:]
        for (key, value) in form.outcome ?? [:] where !value.isEmpty {
            choices[try referral(key, "outcome")] = try OutcomeEntry.outcome(value, field: "outcome[\(key)]")
        }
        for (key, value) in form.note ?? [:] {
            if let note = try OutcomeEntry.note(value, field: "note[\(key)]") { notes[try referral(key, "note")] = note }
        }
        return SessionRecording.DayRecord(choices: choices, notes: notes, allDelivered: form.all == "delivered")
    }

    static func referral(_ key: String, _ field: String) throws -> Int64 {
        guard key.first == "r", let id = Int64(key.dropFirst()) else {
            throw InputError(field: field, problem: "reload the page and choose the outcomes again")
        }
        return id
    }

    /// What the last action did, from the numbers in the address (never free text).
    static func notice(_ query: Parameters) -> String? {
        if let n = query.get("recorded", as: Int.self) {
            let c = query.get("corrected", as: Int.self) ?? 0
            return "Saved: \(n) outcome\(n == 1 ? "" : "s") recorded" + (c > 0 ? ", \(c) changed." : ".")
        }
        if let n = query.get("absent", as: Int.self) {
            return n == 0
                ? "Absence recorded. No booked sessions fall on those days."
                : "Absence recorded. \(n) booked session\(n == 1 ? "" : "s") fall on those days; the trust's leaders re-plan the week to move them."
        }
        if let n = query.get("withdrawn", as: Int.self) {
            return
                "Absence withdrawn. \(n == 0 ? "No booked sessions were on those days." : "The trust's leaders re-plan the week to use the time again.")"
        }
        if query.get("calendar") == "stopped" { return "The calendar address is stopped: calendars using it no longer update." }
        return nil
    }

    @Sendable func record(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let form = try await WebForm.read(OutcomesForm.self, request, context)
        guard let day = form.date.given.flatMap(CalendarDate.init) else { throw InputError(field: "date", problem: "choose the day") }
        let sent = try SpecialistPages.entries(form)
        let who = try SpecialistPages.specialist(caller, asked: form.specialist.given)
        let recording = SessionRecording(db: state.db, config: state.config)
        let today = state.today()
        let stamp = Stamp(actor: caller.actor)
        let done = try await DatabaseWork.run { try recording.recordDay(day, specialist: who, sent, by: caller, today: today, stamp: stamp) }
        return Response.redirect(
            to: "/my-week?week=\(day.monday)\(SpecialistPages.whose(caller, form))&recorded=\(done.recorded)&corrected=\(done.corrected)",
            type: .normal)
    }

    @Sendable func absence(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let form = try await WebForm.read(AbsenceForm.self, request, context)
        let who = try SpecialistPages.specialist(caller, asked: form.specialist.given)
        let from = try Day.date(form.from.given ?? "", field: "from", what: "the day")
        let to = try Day.date(form.to.given ?? "", field: "to", what: "the day")
        let reporting = AbsenceReporting(db: state.db)
        let today = state.today()
        let stamp = Stamp(actor: caller.actor)
        let reason = form.reason.given ?? ""
        guard let part = DayPart(rawValue: form.part.given ?? "day") else {
            throw InputError(field: "part", problem: "choose the whole day, the morning or the afternoon")
        }
        let done = try await DatabaseWork.run {
            try reporting.report(who, from: from, to: to, part: part, reason: reason, by: caller, today: today, stamp: stamp)
        }
        return Response.redirect(
            to: "/my-week?week=\(from.monday)\(SpecialistPages.whose(caller, form))&absent=\(done.bookedSessions)", type: .normal)
    }

    /// Makes a new subscription address (shown once, on the page this answers) or stops it.
    @Sendable func calendar(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let form = try await WebForm.read(CalendarForm.self, request, context)
        let who = try SpecialistPages.specialist(caller, asked: form.specialist.given)
        let stamp = Stamp(actor: caller.actor)
        let feeds = CalendarFeeds(db: state.db, services: state.config.services)
        guard form.action == "renew" else {
            _ = try await DatabaseWork.run { try feeds.stop(who, by: caller, stamp: stamp) }
            return Response.redirect(to: "/my-week?calendar=stopped\(SpecialistPages.whose(caller, form))", type: .normal)
        }
        let secret = try await DatabaseWork.run { try feeds.renew(who, by: caller, stamp: stamp) }
        let host = request.head.authority ?? "localhost"
        let address = "\(secure ? "https" : "http")://\(host)/calendars/\(secret).ics"
        var response = pages.render(
            CalendarAddressPage(address: address, specialist: who), title: "Calendar address for \(try SpecialistPages.name(who, state.db))",
            context: context)
        WebGate.markPrivate(&response.headers)
        return response
    }

    /// `&specialist=…` for a leader acting on another's week.
    static func whose(_ caller: Identity, _ form: some ForSpecialist) -> String {
        guard caller.isLeader, let who = form.specialist.given else { return "" }
        return "&specialist=" + (who.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }
}

/// `GET /calendars/{secret}.ics`: a specialist's subscription feed. The secret is the only key
/// (calendar apps cannot sign in), so an unknown or stopped one is a plain 404 that says nothing
/// more, and the answer is never cached by anything in between.
struct CalendarFeedRoute {
    let state: ServerState

    func register(_ router: Router<AppContext>) {
        router.get("calendars/:file", use: feed)
    }

    @Sendable func feed(_ request: Request, context: AppContext) async throws -> Response {
        let file = context.parameters.get("file") ?? ""
        let secret = file.hasSuffix(".ics") ? String(file.dropLast(4)) : file
        let feeds = CalendarFeeds(db: state.db, services: state.config.services)
        let today = state.today()
        var headers = HTTPFields()
        AuthMiddleware.markPrivate(&headers)
        headers[.init("Referrer-Policy")!] = "no-referrer"
        do {
            let text = try feeds.calendar(secret: secret, today: today)
            headers[.contentType] = "text/calendar; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        } catch StoreError.notFound {
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "no calendar at this address\n")))
        }
    }
}
