import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// `/v1/timetables/{week}`: a week per specialist or school as JSON, CSV or iCalendar;
/// leaders generate and publish weeks.
struct TimetableController {
    let state: ServerState

    struct ScheduleDTO: ResponseEncodable {
        var week: String, status: String, bookings: Int, unbooked: Int, travelMinutes: Int, moved: Int
        /// Running blocks the week leaves without their session, with why.
        var interrupted: [InterruptedDTO]
        enum CodingKeys: String, CodingKey {
            case week, status, bookings, unbooked
            case travelMinutes = "travel_minutes"
            case moved, interrupted
        }
    }
    struct InterruptedDTO: Encodable {
        var referral: Int64, reason: String
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
    }

    func week(_ context: AppContext) throws -> CalendarDate {
        let text = context.parameters.get("week") ?? ""
        do { return try Week.monday(text, field: "week") } catch { throw Problem(.badRequest, error.problem, field: "week") }
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let w = try week(context)
        let q = request.uri.queryParameters
        let view = try TimetableQuery(db: state.db).view(
            week: w, for: caller, school: q.get("school"), specialist: q.get("specialist"), today: state.today())
        return try TimetableFormats.response(view, format: TimetableFormats.format(request))
    }

    @Sendable func generate(_ request: Request, context: AppContext) async throws -> ScheduleDTO {
        let caller = try context.caller()
        let w = try week(context)
        let replan = request.uri.queryParameters.get("replan") == "true"
        let shortNotice = request.uri.queryParameters.get("short_notice") == "true"
        let confirmed = request.uri.queryParameters.get("confirm") == "true"
        let preview = replan && request.uri.queryParameters.get("preview") == "true"
        let planning = WeekPlanning(db: state.db, config: state.config, options: state.planner)
        let now = state.now()
        let result = try await state.heavy.run("planning the week") {
            preview
                ? try planning.preview(w, by: caller, now: now, shortNotice: shortNotice)
                : try planning.plan(
                    w, replan: replan, by: caller, now: now, shortNotice: shortNotice, confirmed: confirmed, stamp: Stamp(actor: caller.actor))
        }
        let t = result.timetable
        return ScheduleDTO(
            week: w.description, status: preview ? "preview" : t.published ? "published" : "draft", bookings: t.bookings.count,
            unbooked: t.unbooked.count, travelMinutes: t.plan.statistics?.travelMinutes ?? 0, moved: result.moved.count,
            interrupted: result.interrupted.map { InterruptedDTO(referral: $0.referral, reason: $0.reason) })
    }

    @Sendable func publish(_ request: Request, context: AppContext) async throws -> PublishDTO {
        let caller = try context.caller()
        let w = try week(context)
        let planning = WeekPlanning(db: state.db, config: state.config)
        let stamp = Stamp(actor: caller.actor)
        let started = try await DatabaseWork.run { try planning.publish(w, by: caller, stamp: stamp) }
        return PublishDTO(week: w.description, seriesStarted: started)
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
