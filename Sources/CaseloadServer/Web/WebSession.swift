import CaseloadCore
import CaseloadStore
import Foundation
import Hummingbird
import HummingbirdAuth

/// What a signed-in browser's session holds on the server (never in the cookie, which carries
/// only the session's random id): the token it signed in with and the form token every POST must
/// echo back.
public struct WebSession: Codable, Sendable {
    /// The API token the person signed in with (revoking it ends the session).
    public var tokenId: Int64
    /// The anti-forgery token carried by every form.
    public var csrf: String

    /// A new session for token `tokenId`, with a fresh random form token.
    init(tokenId: Int64) {
        self.tokenId = tokenId
        csrf = WebSession.randomToken()
    }

    /// 32 random bytes, hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// How long a session lasts without being used again.
    static let lifetime = Duration.seconds(8 * 60 * 60)
}

/// The session cookie: `HttpOnly`, `SameSite=Strict`, and `Secure` when served over TLS (the
/// `--secure-cookies` switch of `caseload serve`, for a server behind an HTTPS proxy).
func sessionMiddleware(secure: Bool) -> SessionMiddleware<AppContext> {
    let cookie = SessionCookieParameters(name: "caseload_session", path: "/", secure: secure, sameSite: .strict)
    return SessionMiddleware(
        storage: MemoryPersistDriver(),
        configuration: SessionMiddlewareConfiguration(sessionCookieParameters: cookie, defaultSessionExpiration: WebSession.lifetime))
}

/// Lets a page through only for a signed-in person whose token still works, puts their identity
/// in the context, and refuses any POST whose form token is not this session's. Every page is
/// marked not to be cached, framed or sniffed.
struct WebGate: RouterMiddleware {
    typealias Context = AppContext
    let db: AppDatabase

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard let session = context.sessions.session, let identity = try db.identity(tokenId: session.tokenId) else {
            context.sessions.clearSession()
            return Response.redirect(to: "/signin?next=\(WebGate.safeNext(request.uri.path))", type: .found)
        }
        var context = context
        context.identity = identity
        context.csrf = session.csrf
        var response = try await next(request, context)
        WebGate.markPrivate(&response.headers)
        return response
    }

    /// A path to return to after signing in: one of ours, never another site.
    static func safeNext(_ path: String) -> String {
        guard path.hasPrefix("/"), !path.hasPrefix("//"), path.count < 200 else { return "/" }
        return path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-"))) ?? "/"
    }

    /// Pages may carry pupil data: not cached, not framed, not sniffed, no outside scripts.
    static func markPrivate(_ headers: inout HTTPFields) {
        AuthMiddleware.markPrivate(&headers)
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
    }
}
