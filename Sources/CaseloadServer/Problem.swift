import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird
import NIOCore

/// An error answered as `application/problem+json` (RFC 9457), naming the field at fault.
public struct Problem: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var detail: String
    public var field: String?
    /// Extra headers (`WWW-Authenticate` on a 401).
    public var headers = HTTPFields()

    /// A problem with a status, a sentence saying what to do, and the field at fault if any.
    public init(_ status: HTTPResponse.Status, _ detail: String, field: String? = nil) {
        self.status = status
        self.detail = detail
        self.field = field
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var body: [String: String] = [
            "type": "about:blank", "title": status.reasonPhrase, "detail": detail,
            "status": "\(status.code)", "instance": request.uri.path,
        ]
        if let field { body["field"] = field }
        var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(body)) as! [String: Any]
        object["status"] = status.code
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        if status == .unauthorized, headers[.wwwAuthenticate] == nil { headers[.wwwAuthenticate] = "Bearer realm=\"caseload\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The answer to `error`; every 5xx is logged with its request id, which the answer carries.
    static func answer(_ error: Error, _ request: Request, _ context: AppContext) throws -> Response {
        var problem = Problem.from(error)
        if problem.status.code >= 500 {
            context.logger.error("\(request.method) \(request.uri.path) answered \(problem.status.code): \(error)")
            problem.headers[.init("X-Request-Id")!] = context.id
        }
        return try problem.response(from: request, context: context)
    }

    /// The one place errors become HTTP statuses.
    static func from(_ error: Error) -> Problem {
        switch error {
        case let p as Problem: return p
        case let e as InputError: return Problem(.unprocessableContent, e.description, field: e.field)
        case let e as StoreError: return Problem(e.status, e.overHTTP)
        case let e as SchoolsClosed: return Problem(.conflict, e.description)
        case AccessDenied.forbidden(let m): return Problem(.forbidden, m)
        case AccessDenied.notFound(let m): return Problem(.notFound, m)
        case let e as HTTPError where e.status == .contentTooLarge:
            return Problem(.contentTooLarge, "the request body is over 64 KiB; send less")
        case is NIOTooManyBytesError:
            return Problem(.contentTooLarge, "the request body is over 64 KiB; send less")
        case let e as HTTPError: return Problem(e.status, e.body ?? e.status.reasonPhrase)
        default: return Problem(.internalServerError, "something went wrong on the server; it is logged")
        }
    }
}

/// Turns every error a handler throws into a problem response.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppContext

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do { return try await next(request, context) } catch {
            return try Problem.answer(error, request, context)
        }
    }
}
