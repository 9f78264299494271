import CaseloadCore
import CaseloadStore
import Foundation
import Hummingbird
import HummingbirdAuth

/// Requires `Authorization: Bearer <token>` (the scheme in any case) and puts the caller's
/// identity in the context. Every answer it lets through is marked not to be cached or sniffed:
/// it may carry pupil data.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let db: AppDatabase

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard let bearer = AuthMiddleware.bearer(request.headers) else {
            throw Problem(.unauthorized, "send Authorization: Bearer <token>; ask a trust leader for a token")
        }
        guard let identity = try db.access.identity(secret: bearer.token.trimmingCharacters(in: .whitespaces)) else {
            throw Problem(.unauthorized, "the token is unknown, revoked or expired; ask a trust leader for a new one")
        }
        var context = context
        context.identity = identity
        do {
            var response = try await next(request, context)
            AuthMiddleware.markPrivate(&response.headers)
            return response
        } catch {
            var response = try Problem.answer(error, request, context)
            AuthMiddleware.markPrivate(&response.headers)
            return response
        }
    }

    /// The bearer token, read by hummingbird-auth once the scheme's spelling is made its own:
    /// HTTP schemes are case-insensitive (RFC 9110, 11.1), hummingbird-auth reads only `Bearer `.
    static func bearer(_ headers: HTTPFields) -> BearerAuthentication? {
        var headers = headers
        if let value = headers[.authorization], value.prefix(7).lowercased() == "bearer " {
            headers[.authorization] = "Bearer " + value.dropFirst(7)
        }
        return headers.bearer
    }

    /// Marks an answer that may carry pupil data: not to be cached, not to be sniffed.
    static func markPrivate(_ headers: inout HTTPFields) {
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
    }
}
