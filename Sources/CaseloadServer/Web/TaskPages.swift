import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// `/tasks/{id}`: the page that follows heavy work a leader started (planning a week, a
/// re-plan's preview, a what-if). While it runs the page asks the server again every few seconds
/// by the `Refresh` header (no script); once done it shows the result (or goes to the week), and
/// if it failed it says why. A reload finds the same task, and a second click the first one's.
struct TaskPages {
    let state: ServerState
    let pages: Pages

    func register(_ web: RouterGroup<AppContext>) {
        web.get("tasks/:id", use: show)
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { throw Problem(.notFound, "no such task") }
        let task = try HeavyTasks(db: state.db, config: state.config).task(id, by: caller)
        switch task.state {
        case .waiting, .running: return running(task, context)
        case .failed: return pages.render(TaskPages.failed(task), title: task.about, context: context, status: .ok)
        case .done:
            do { return try done(task, context) } catch is DecodingError {
                var unreadable = task
                unreadable.problem =
                    "its result (task \(task.id)) was stored in a form this version cannot read, so nothing is shown from it; start the work again"
                return pages.render(TaskPages.failed(unreadable), title: task.about, context: context, status: .ok)
            }
        }
    }

    func running(_ task: WorkTask, _ context: AppContext) -> Response {
        let since = (task.startedAt ?? task.createdAt).flatMap { try? Date($0, strategy: .iso8601) } ?? Date()
        let page = TaskPage(
            id: task.id, about: task.about, running: true,
            stage: task.state == .waiting ? "waiting for other work to finish" : "working",
            elapsed: TaskPages.seconds(Int(Date().timeIntervalSince(since))),
            expected: task.expectedSeconds > 0 ? TaskPages.seconds(task.expectedSeconds) : nil, problem: nil, back: "", backLabel: "")
        var response = pages.render(page, title: task.about, context: context)
        response.headers[.init("Refresh")!] = "3"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func done(_ task: WorkTask, _ context: AppContext) throws -> Response {
        let data = Data((task.result ?? "{}").utf8)
        switch task.kind {
        case .plan, .replan:
            let r = try JSONDecoder().decode(TimetableController.ScheduleDTO.self, from: data)
            return Response.redirect(to: "/weeks?week=\(r.week)&done=\(task.kind == .plan ? "planned" : "replanned")", type: .normal)
        case .replanPreview:
            let r = try JSONDecoder().decode(TimetableController.ScheduleDTO.self, from: data)
            let shortNotice = task.key.hasSuffix(" true")
            let week = CalendarDate(r.week).map(Spoken.date) ?? r.week
            return pages.render(LeaderPages.confirmation(r, shortNotice), title: "Re-plan the published week of \(week)?", context: context)
        case .whatIf:
            let r = try JSONDecoder().decode(SimulationController.ResultDTO.self, from: data)
            return pages.render(WhatIfPage(report: r.sections), title: task.about, context: context)
        }
    }

    static func failed(_ task: WorkTask) -> TaskPage {
        let week = task.key.split(separator: " ").dropFirst().first.map(String.init)
        let (back, label) =
            task.kind == .whatIf ? ("/settings", "Back to the settings") : ("/weeks" + (week.map { "?week=\($0)" } ?? ""), "Back to the week")
        return TaskPage(
            id: task.id, about: task.about, running: false, stage: "", elapsed: "", expected: nil,
            problem: task.problem ?? "it stopped without saying why", back: back, backLabel: label)
    }

    /// "45 seconds", "2 minutes 5 seconds".
    static func seconds(_ n: Int) -> String {
        let plural = { (k: Int, unit: String) in "\(k) \(unit)\(k == 1 ? "" : "s")" }
        return n < 60 ? plural(n, "second") : plural(n / 60, "minute") + (n % 60 == 0 ? "" : " " + plural(n % 60, "second"))
    }
}

/// `task.mustache`: heavy work under way (and how long it has run), or why it failed.
struct TaskPage: PageModel {
    static let template = Template.task
    let id: Int64
    let about: String
    let running: Bool
    let stage: String
    let elapsed: String
    let expected: String?
    let problem: String?
    let back: String
    let backLabel: String
}
