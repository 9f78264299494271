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
    /// When the person signed in and when they last used a page, in minutes on the trust's clock.
    public var signedIn: Int, lastSeen: Int

    /// A new session for token `tokenId` at `minute` (the trust's clock), with a fresh random form token.
    init(tokenId: Int64, at minute: Int) {
        self.tokenId = tokenId
        csrf = WebSession.randomToken()
        signedIn = minute
        lastSeen = minute
    }

    /// A session ends after `idleMinutes` unused, and `maxMinutes` after signing in whatever.
    static let idleMinutes = 8 * 60, maxMinutes = 12 * 60

    /// Whether it has ended by `minute`.
    func expired(at minute: Int) -> Bool {
        minute - lastSeen > WebSession.idleMinutes || minute - signedIn > WebSession.maxMinutes
    }

    /// 32 random bytes, hex.
    static func randomToken() -> String { Hashing.randomHex(bytes: 32) }

    /// How long the session store keeps a session (the rules above end it sooner).
    static let lifetime = Duration.seconds(WebSession.maxMinutes * 60)
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
    /// The trust's clock, by which sessions expire.
    let now: @Sendable () -> Moment

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        let minute = WebGate.minute(now())
        guard var session = context.sessions.session, !session.expired(at: minute), let identity = try db.access.identity(tokenId: session.tokenId)
        else {
            context.sessions.clearSession()
            return Response.redirect(to: "/signin?next=\(WebGate.safeNext(request.uri.path))", type: .found)
        }
        if minute - session.lastSeen >= 5 {  // kept fresh without a store write on every page
            session.lastSeen = minute
            _ = context.sessions.updateSession(session)
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

    /// Minutes since 1 Jan 1970 on the trust's clock.
    static func minute(_ m: Moment) -> Int { m.date.dayNumber * 1440 + m.minutes }

    /// Pages may carry pupil data: not cached, not framed, not sniffed, no outside scripts.
    static func markPrivate(_ headers: inout HTTPFields) {
        headers[.cacheControl] = "no-store"
        SecurityHeadersMiddleware.apply(&headers)
    }
}
