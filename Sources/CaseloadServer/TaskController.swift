import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// `GET /v1/tasks/{id}`: heavy work that a request started (a plan, a re-plan, its preview, a
/// what-if): waiting, running, done with its result, or failed with why. Starting one answers
/// `202 Accepted` with this address in `Location`.
struct TaskController {
    let state: ServerState

    /// A task as the API shows it (its result is added as JSON beside these fields).
    struct TaskDTO: Encodable {
        var id: Int64, kind: String, state: String, about: String
        var expectedSeconds: Int, requestedBy: String
        var createdAt: String, startedAt: String?, finishedAt: String?
        var problem: String?
        var href: String

        enum CodingKeys: String, CodingKey {
            case id, kind, state, about, problem, href
            case expectedSeconds = "expected_seconds"
            case requestedBy = "requested_by"
            case createdAt = "created_at"
            case startedAt = "started_at"
            case finishedAt = "finished_at"
        }

        init(_ t: WorkTask) {
            (id, kind, state, about) = (t.id, t.kind.rawValue, t.state.rawValue, t.about)
            (expectedSeconds, requestedBy, createdAt) = (t.expectedSeconds, t.requestedBy, t.createdAt)
            (startedAt, finishedAt, problem, href) = (t.startedAt, t.finishedAt, t.problem, TaskController.address(t.id))
        }
    }

    func register(_ group: RouterGroup<AppContext>) {
        group.get("tasks/:id", use: show)
    }

    /// The API address of task `id`.
    static func address(_ id: Int64) -> String { "/v1/tasks/\(id)" }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { throw Problem(.notFound, "no such task") }
        return try TaskController.response(try HeavyTasks(db: state.db, config: state.config).task(id, by: caller), status: .ok)
    }

    /// `task` as JSON, with its result when done; `202` (a task just asked for) carries `Location`.
    static func response(_ task: WorkTask, status: HTTPResponse.Status) throws -> Response {
        var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(TaskDTO(task))) as! [String: Any]
        if let result = task.result { object["result"] = try JSONSerialization.jsonObject(with: Data(result.utf8)) }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if status == .accepted {
            headers[.location] = address(task.id)
            headers[.retryAfter] = "\(max(1, min(task.expectedSeconds, 5)))"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
