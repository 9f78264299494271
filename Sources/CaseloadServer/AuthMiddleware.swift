import CaseloadCore
import CaseloadStore
import Foundation
import Hummingbird

/// Requires `Authorization: Bearer <token>` (the scheme in any case) and puts the caller's
/// identity in the context. Every answer it lets through is marked not to be cached or sniffed:
/// it may carry pupil data.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let db: AppDatabase

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        let parts = (request.headers[.authorization] ?? "").split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem(.unauthorized, "send Authorization: Bearer <token>; ask a trust leader for a token")
        }
        guard let identity = try db.identity(secret: parts[1].trimmingCharacters(in: .whitespaces)) else {
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

    /// Marks an answer that may carry pupil data: not to be cached, not to be sniffed.
    static func markPrivate(_ headers: inout HTTPFields) {
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
    }
}
