import CaseloadCore
import CaseloadStore
import Hummingbird

/// Requires `Authorization: Bearer <token>` and puts the caller's identity in the context.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let db: AppDatabase

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw Problem(.unauthorized, "send Authorization: Bearer <token>; ask a trust leader for a token")
        }
        guard let identity = try db.identity(secret: String(header.dropFirst(7))) else {
            throw Problem(.unauthorized, "the token is unknown or revoked; ask a trust leader for a new one")
        }
        var context = context
        context.identity = identity
        return try await next(request, context)
    }
}
