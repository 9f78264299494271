import CaseloadCore
import CaseloadService
import CaseloadStore
import Hummingbird

/// A trust leader's pages: the waiting list per service with breaches and deadlines, and a week
/// generated, reviewed (who is booked, who is not and why) and published.
struct LeaderPages {
    let state: ServerState
    let pages: Pages

    func register(_ web: RouterGroup<AppContext>) {
        web.get("waiting-list", use: waitingList)
        web.get("weeks", use: week)
        web.post("weeks/generate", use: generate)
        web.post("weeks/publish", use: publish)
        web.post("weeks/hold", use: hold)
        web.post("weeks/release", use: release)
    }

    @Sendable func waitingList(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let school = try AccessPolicy.scope(caller, .readWaitingList, school: request.uri.queryParameters.get("school")).school
        let codes = state.config.services.map(\.code)
        let service = request.uri.queryParameters.get("service").map { $0.uppercased() }.flatMap { codes.contains($0) ? $0 : nil } ?? codes[0]
        let entries = try state.waiting.list(service: service, school: school, state: state)
        let today = state.today()
        let names = Dictionary(try state.db.roster.schools().map { ($0.urn, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = entries.prefix(300).map { e in
            WaitingListPage.Row(
                position: e.position, id: e.referral.id, school: names[e.referral.request.school] ?? e.referral.request.school,
                pupil: e.referral.request.pupilRef, band: e.band, priority: e.priority, weeks: e.weeksWaited,
                target: e.targetWeeks.map(String.init) ?? "", breached: e.breached,
                deadline: e.statutoryDeadline.map { Spoken.date($0, today: today) } ?? "",
                firstWeek: e.estimatedFirstWeek.map { Spoken.date($0, today: today) } ?? "no capacity seen", warning: e.deadlineWarning)
        }
        let urgency = state.config.urgency
        let late = entries.filter { urgency.isUrgent($0) && $0.willMissTarget }.map { e in
            WaitingListPage.Late(
                id: e.referral.id, school: names[e.referral.request.school] ?? e.referral.request.school, pupil: e.referral.request.pupilRef,
                band: e.referral.band, due: (e.targetDate ?? e.statutoryDeadline).map { Spoken.date($0, today: today) } ?? "",
                firstWeek: e.estimatedFirstWeek.map { Spoken.date($0, today: today) } ?? "no capacity seen")
        }
        var page = WaitingListPage(
            services: state.config.services.map { .init(code: $0.code, name: $0.name, current: $0.code == service) }, rows: Array(rows),
            count: entries.count,
            breaches: entries.filter(\.breached).count, deadlines: entries.filter { $0.statutoryDeadline != nil }.count,
            more: entries.count > rows.count, late: late, hasLate: !late.isEmpty)
        if AccessPolicy.allows(caller, .planWeek, .trust) {
            page.touched = try PublishedWeekChecks(db: state.db, config: state.config).touched(now: state.now(), by: caller).map { t in
                let parts = [(t.onAbsence, "on an absence"), (t.onClosure, "on a day the school is closed")].filter { $0.0 > 0 }
                    .map { "\($0.0) visit\($0.0 == 1 ? "" : "s") \($0.1)" }
                return .init(
                    week: t.week.description, title: "the week of \(Spoken.date(t.week, today: today))", said: parts.joined(separator: " and "))
            }
            page.hasTouched = !page.touched.isEmpty
        }
        return pages.render(page, title: "\(state.config.service(service)?.name ?? service): the waiting list", context: context)
    }

    @Sendable func week(_ request: Request, context: AppContext) async throws -> Response {
        _ = try context.caller(may: .readDraftTimetable)
        let week = try WeekChoice(request, today: state.today())
        let search = WeekPlanning.weeklyJob(state.planner, state.config.planning)
        let hint =
            search.anytime
            ? "Planning takes about \(Int(search.timeLimit)) seconds (planning: search_seconds in the trust's settings)."
            : "Planning takes a few seconds."
        let t = try state.db.timetables.timetable(week: week.monday)
        let draft = t.map { !$0.published } ?? false
        let hold = draft ? try state.db.timetables.hold(week: week.monday) : nil
        let page = WeekPlanPage(
            nav: week.nav, searchHint: hint, noticeDays: state.config.planning.noticeSchoolDays,
            plan: try t.map { LeaderPages.review($0, people: try state.db.roster.contacts()) },
            notice: t.flatMap { LeaderPages.notice(request.uri.queryParameters.get("done"), $0) },
            autoPublish: draft && hold == nil ? autoPublishing(week.monday) : nil,
            held: hold.map { "Held back from automatic publishing by \($0.heldBy): \($0.reason)" },
            stale: draft ? try state.db.timetables.staleness(week: week.monday) : nil)
        return pages.render(page, title: "Plan the \(week.title)", context: context)
    }

    /// Starts planning the week (a task; a published week's first asks what would move) and
    /// sends the browser to the task's page, which follows it.
    @Sendable func generate(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let form = try await WebForm.read(WeekForm.self, request, context)
        let monday = try Week.monday(form.week.given ?? "", field: "week")
        let replan = try state.db.timetables.timetable(week: monday)?.published == true
        let confirmed = form.confirm == "yes"
        let ask = HeavyTasks.PlanRequest(
            week: monday, replan: replan, preview: replan && !confirmed, shortNotice: form.shortNotice == "yes", confirmed: confirmed)
        let task = try await DatabaseWork.run { [state] in try state.startPlan(ask, by: caller) }
        return Response.redirect(to: "/tasks/\(task.id)", type: .normal)
    }

    @Sendable func publish(_ request: Request, context: AppContext) async throws -> Response {
        try await onWeek(request, context, done: "published") { planning, monday, _, caller, stamp in
            _ = try planning.publish(monday, by: caller, stamp: stamp)
        }
    }

    /// A leader's action on the week the form names, done off the request threads, then back to
    /// the week's page with a notice of what it did.
    func onWeek(
        _ request: Request, _ context: AppContext, done: String,
        _ act: @escaping @Sendable (WeekPlanning, CalendarDate, WeekForm, Identity, Stamp) throws -> Void
    ) async throws -> Response {
        let caller = try context.caller()
        let form = try await WebForm.read(WeekForm.self, request, context)
        let monday = try Week.monday(form.week.given ?? "", field: "week")
        let planning = WeekPlanning(db: state.db, config: state.config)
        try await DatabaseWork.run { try act(planning, monday, form, caller, Stamp(actor: caller.actor)) }
        return Response.redirect(to: "/weeks?week=\(monday)&done=\(done)", type: .normal)
    }

    /// When the automatic publishing job next publishes `monday`'s week, said as a day and time,
    /// if it is set and that week is the one it publishes next.
    func autoPublishing(_ monday: CalendarDate) -> String? {
        guard let time = state.config.jobs.autoPublish else { return nil }
        let due = time.nextDue(after: state.now())
        guard due.monday.adding(days: 7) == monday else { return nil }
        return "\(Spoken.date(due.date)) at \(ClockTime(minutes: due.minutes))"
    }

    @Sendable func hold(_ request: Request, context: AppContext) async throws -> Response {
        try await onWeek(request, context, done: "held") { planning, monday, form, caller, stamp in
            try planning.hold(monday, reason: form.reason ?? "", by: caller, stamp: stamp)
        }
    }

    @Sendable func release(_ request: Request, context: AppContext) async throws -> Response {
        try await onWeek(request, context, done: "released") { planning, monday, _, caller, stamp in
            try planning.release(monday, by: caller, stamp: stamp)
        }
    }

    /// The confirmation step's values: every published visit the re-plan would move, and where to.
    static func confirmation(_ r: TimetableController.ScheduleDTO, _ shortNotice: Bool) -> ReplanConfirmPage {
        let moves = r.moves.map {
            ReplanConfirmPage.Move(referral: $0.referral, school: $0.school, before: $0.before, after: $0.after ?? "not this week")
        }
        return ReplanConfirmPage(
            week: r.week, moves: moves, count: moves.count, none: moves.isEmpty, shortNotice: shortNotice,
            interrupted: r.interrupted.map { .init(referral: $0.referral, reason: $0.reason) }, hasInterrupted: !r.interrupted.isEmpty)
    }

    /// A stored week for review: what is booked per specialist, the routes on a map, and each
    /// referral not booked with the planner's reason (grouped, then the first hundred one by one).
    static func review(_ t: WeekTimetable, people: [String: SpecialistContact] = [:]) -> WeekReview {
        let map = RouteMap(t, names: people.compactMapValues(\.name))
        let reasons = Dictionary(grouping: t.unbooked, by: \.code).map { WeekReview.Reason(reason: LeaderPages.kind($0.key), count: $0.value.count) }
        let interrupted = t.interruptedBlocks
        return WeekReview(
            published: t.published, bookings: t.bookings.count, referrals: Set(t.bookings.map(\.referral)).count, unbooked: t.unbooked.count,
            reasons: reasons.sorted { $0.count > $1.count },
            unbookedRows: t.unbooked.prefix(100).map { .init(referral: $0.referral, reason: $0.reason) },
            specialists: Dictionary(grouping: t.bookings, by: \.specialist).sorted { $0.key < $1.key }.map { id, b in
                .init(id: id, name: people[id]?.said(id: id) ?? id, sessions: b.count, days: Set(b.map(\.day)).count)
            },
            map: map.svg, hasBookings: !t.bookings.isEmpty,
            mapKey: map.schoolKey.map { .init(number: $0.number, said: "\($0.name) (\($0.visits) visit\($0.visits == 1 ? "" : "s"))") },
            interrupted: interrupted.map { .init(referral: $0.referral, reason: $0.reason) }, hasInterrupted: !interrupted.isEmpty)
    }

    /// A kind of reason for not booking, as a leader would say it.
    static func kind(_ code: String) -> String {
        switch UnassignedCode(rawValue: code) {
        case .capacity?: "below others in priority: the service's hours are full this week (a leader can give one first claim on its page)"
        case .fullWithinReach?: "the specialists who can reach the school are full, while others with free time are too far away"
        case .outOfReach?: "the school is out of every specialist's reach in the working day or travel cap"
        case .missingSkill?: "no specialist has the skill it needs"
        case .noService?: "no specialist delivers the service"
        case .pinnedUnavailable?: "their specialist does not work on an allowed day this week"
        case .noAllowedDay?: "no specialist works on the days the school allows"
        case .windowTooShort?: "the session does not fit the school's times on any allowed day"
        case nil where code == "notice": "inside the school days' notice a new booking needs"
        case nil where code == "reserve": "kept for urgent cases: running blocks already fill the rest of the service's week"
        case nil: code.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// What the last action did, said from the stored week (the address carries only which action).
    static func notice(_ done: String?, _ t: WeekTimetable) -> String? {
        guard let done else { return nil }
        switch done {
        case "planned": return "Planned as a draft: \(t.bookings.count) sessions booked. Review it, then publish it."
        case "replanned":
            return "Re-planned and published at once: \(t.bookings.count) sessions booked; moved sessions show as cancelled in calendars."
        case "published": return "Published: schools and specialists can see it now."
        case "held": return "Held back: it waits for a leader to publish it by hand."
        case "released": return "No longer held back: it is published automatically at its time, unless it has gone stale."
        default: return nil
        }
    }
}
