import CaseloadCore
import CaseloadStore
import Foundation
import Hummingbird
import HummingbirdAuth

/// What a signed-in browser's session holds on the server (never in the cookie, which carries
/// only the session's random id): who signed in and how, and the form token every POST must
/// echo back.
public struct WebSession: Codable, Sendable {
    /// The access key the person signed in with (revoking it ends the session), or 0 when they
    /// signed in with the trust's sign-in provider.
    public var tokenId: Int64
    /// The person who signed in with the provider (switching them off ends the session).
    public var personId: Int64?
    /// How they signed in, for the audit log ("sign-in with Microsoft").
    public var via: String?
    /// The anti-forgery token carried by every form.
    public var csrf: String
    /// When the person signed in and when they last used a page, in minutes on the trust's clock.
    public var signedIn: Int, lastSeen: Int

    /// A new session for access key `tokenId` at `minute` (the trust's clock), with a fresh random form token.
    init(tokenId: Int64, at minute: Int) {
        self.tokenId = tokenId
        csrf = WebSession.randomToken()
        signedIn = minute
        lastSeen = minute
    }

    /// A new session for person `personId`, signed in `via` the provider, at `minute`.
    init(person personId: Int64, via: String, at minute: Int) {
        self.init(tokenId: 0, at: minute)
        self.personId = personId
        self.via = via
    }

    /// Who the session is now: `nil` once the key is revoked or expired, or the person switched
    /// off (asked on every page, so switching off works at the next click).
    func identity(_ db: AppDatabase) throws -> Identity? {
        if tokenId > 0 { return try db.access.identity(tokenId: tokenId) }
        guard let personId else { return nil }
        return try db.people.identity(person: personId, via: via ?? "sign-in")
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

/// The session cookie: `HttpOnly`, `SameSite=Lax`, and `Secure` when served over TLS (the
/// `--secure-cookies` switch of `caseload serve`, for a server behind an HTTPS proxy). Lax, not
/// Strict: the sign-in provider sends the browser back with a navigation from its own site, and
/// browsers withhold a Strict cookie along such a redirect chain, so the first page after
/// signing in would ask again. Lax still withholds it from every cross-site POST, and every
/// POST must also carry the session's form token. Sessions are kept in the database, so a
/// restart signs no one out.
func sessionMiddleware(db: AppDatabase, secure: Bool) -> SessionMiddleware<AppContext> {
    let cookie = SessionCookieParameters(name: "caseload_session", path: "/", secure: secure, sameSite: .lax)
    return SessionMiddleware(
        storage: SQLitePersistDriver(db: db),
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
        guard var session = context.sessions.session, !session.expired(at: minute), let identity = try session.identity(db) else {
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
        let names = try db.roster.schoolNames()
        // Only a key acting for a specialist is named from the roster; a person has their own name.
        let specialists = identity.person != nil || identity.specialist == nil ? [:] : try db.roster.contacts().compactMapValues(\.name)
        context.signedInAs = Pages.describe(identity, schools: names, specialists: specialists)
        if identity.schools.count > 1 { context.schoolChoices = identity.schools.map { ($0, names[$0] ?? "school \($0)") } }
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
