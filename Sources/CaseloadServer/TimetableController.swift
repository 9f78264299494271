import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// `/v1/timetables/{week}`: a week per specialist or school as JSON, CSV or iCalendar;
/// leaders generate and publish weeks.
struct TimetableController {
    let state: ServerState

    /// What planning a week did (a task's result): the counts, the running blocks left without
    /// their session, and each published visit that moved (or would move, in a preview).
    struct ScheduleDTO: Codable, Sendable {
        var week: String, status: String, bookings: Int, unbooked: Int, travelMinutes: Int, moved: Int
        /// Running blocks the week leaves without their session, with why.
        var interrupted: [InterruptedDTO]
        var moves: [MoveDTO]
        enum CodingKeys: String, CodingKey {
            case week, status, bookings, unbooked
            case travelMinutes = "travel_minutes"
            case moved, interrupted, moves
        }
    }
    struct InterruptedDTO: Codable, Sendable {
        var referral: Int64, reason: String
    }
    /// A published visit a re-plan moves: from when and whom, to when and whom (`nil`: not this week).
    struct MoveDTO: Codable, Sendable {
        var referral: Int64, school: String, before: String, after: String?
    }
    struct PublishDTO: ResponseEncodable {
        var week: String, seriesStarted: Int
        enum CodingKeys: String, CodingKey {
            case week
            case seriesStarted = "series_started"
        }
    }

    func register(_ group: RouterGroup<AppContext>) {
        group.get("timetables/:week", use: show)
        group.post("timetables/:week", use: generate)
        group.post("timetables/:week/publish", use: publish)
        group.post("timetables/:week/hold", use: hold)
        group.delete("timetables/:week/hold", use: release)
    }

    func week(_ context: AppContext) throws -> CalendarDate {
        let text = context.parameters.get("week") ?? ""
        do { return try Week.monday(text, field: "week") } catch { throw Problem(.badRequest, error.problem, field: "week") }
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let w = try week(context)
        let q = request.uri.queryParameters
        let view = try TimetableQuery(db: state.db, services: state.config.services).view(
            week: w, for: caller, school: q.get("school"), specialist: q.get("specialist"), today: state.today())
        return try TimetableFormats.response(view, format: TimetableFormats.format(request))
    }

    /// Starts planning the week (a task): `202 Accepted` with the task's address, at once.
    @Sendable func generate(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let q = request.uri.queryParameters
        let replan = q.get("replan") == "true"
        let ask = HeavyTasks.PlanRequest(
            week: try week(context), replan: replan, preview: replan && q.get("preview") == "true",
            shortNotice: q.get("short_notice") == "true", confirmed: q.get("confirm") == "true")
        let task = try await DatabaseWork.run { [state] in try state.startPlan(ask, by: caller) }
        return try TaskController.response(task, status: .accepted)
    }

    @Sendable func publish(_ request: Request, context: AppContext) async throws -> PublishDTO {
        let caller = try context.caller()
        let w = try week(context)
        let planning = WeekPlanning(db: state.db, config: state.config)
        let stamp = Stamp(actor: caller.actor)
        let started = try await DatabaseWork.run { try planning.publish(w, by: caller, stamp: stamp) }
        return PublishDTO(week: w.description, seriesStarted: started)
    }

    /// Holds the week's draft back from automatic publishing: `{"reason": "…"}`.
    @Sendable func hold(_ request: Request, context: AppContext) async throws -> HTTPResponse.Status {
        let caller = try context.caller()
        let w = try week(context)
        let body = try await JSONBody.object(request, context)
        let f = try JSONFields(body.value, path: "")
        try f.onlyKeys(["reason"])
        let reason = try f.string("reason")
        let planning = WeekPlanning(db: state.db, config: state.config)
        try await DatabaseWork.run { try planning.hold(w, reason: reason, by: caller, stamp: Stamp(actor: caller.actor)) }
        return .noContent
    }

    /// Lets the week's draft be published automatically again.
    @Sendable func release(_ request: Request, context: AppContext) async throws -> HTTPResponse.Status {
        let caller = try context.caller()
        let w = try week(context)
        let planning = WeekPlanning(db: state.db, config: state.config)
        try await DatabaseWork.run { try planning.release(w, by: caller, stamp: Stamp(actor: caller.actor)) }
        return .noContent
    }
}

extension TimetableController.ScheduleDTO {
    /// What `r` did; `preview`: worked out on a copy, nothing stored.
    init(_ r: ScheduleResult, preview: Bool) {
        let t = r.timetable
        (week, status) = (t.weekStart.description, preview ? "preview" : t.published ? "published" : "draft")
        (bookings, unbooked, travelMinutes) = (t.bookings.count, t.unbooked.count, t.plan.statistics?.travelMinutes ?? 0)
        moved = r.moved.count
        interrupted = r.interrupted.map { TimetableController.InterruptedDTO(referral: $0.referral, reason: $0.reason) }
        moves = r.moved.map { m in
            TimetableController.MoveDTO(
                referral: m.before.referral, school: m.before.school,
                before: "\(m.before.day.displayName) \(m.before.start), \(m.before.specialist)",
                after: m.after.map { "\($0.day.displayName) \($0.start), \($0.specialist)" })
        }
    }
}

/// JSON, CSV or iCalendar, by `?format=` or the Accept header.
enum TimetableFormats {
    static func format(_ request: Request) -> String {
        if let f = request.uri.queryParameters.get("format") { return String(f) }
        let accept = request.headers[.accept] ?? ""
        if accept.contains("text/calendar") { return "ics" }
        if accept.contains("text/csv") { return "csv" }
        return "json"
    }

    static func response(_ view: TimetableView, format: String) throws -> Response {
        let (type, text): (String, String)
        switch format {
        case "ics": (type, text) = ("text/calendar; charset=utf-8", view.ics)
        case "csv": (type, text) = ("text/csv; charset=utf-8", view.csv)
        case "json": (type, text) = ("application/json", try view.json())
        default: throw Problem(.badRequest, "format must be json, csv or ics", field: "format")
        }
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
