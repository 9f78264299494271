import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird
import HummingbirdAuth
import Logging

/// Signing in to the pages: with the trust's sign-in provider (OpenID Connect, code flow with
/// PKCE, state and nonce), or with an access key where the trust still allows it. A sign-in
/// another site starts, a state this browser did not start, and a code or state used twice are
/// refused with nothing stored.
struct SignInController: Sendable {
    let state: ServerState
    let pages: Pages
    let secure: Bool
    let logger = Logger(label: "caseload.signin")

    func register(_ open: RouterGroup<AppContext>) {
        open.get("signin", use: page)
        open.post("signin", use: limited(withKey))
        open.get("signin/provider", use: limited(start))
        open.get("signin/callback", use: limited(finish))
    }

    /// `handler`, unless the connecting address has tried to sign in too often: then the sign-in
    /// page says how long to wait, with 429 and `Retry-After`, and nothing is stored.
    func limited(
        _ handler: @escaping @Sendable (Request, AppContext) async throws -> Response
    ) -> @Sendable (Request, AppContext) async throws -> Response {
        { [state] request, context in
            guard let peer = context.remoteAddress?.ipAddress, let wait = state.signIns.take(peer) else {
                return try await handler(request, context)
            }
            let error = "Too many sign-in attempts from this address. Wait \(wait) seconds, then try again."
            var response = render(next: "/", error: error, context: context, status: .tooManyRequests)
            response.headers[.retryAfter] = "\(wait)"
            return response
        }
    }

    @Sendable func page(_ request: Request, context: AppContext) async throws -> Response {
        render(next: WebGate.safeNext(request.uri.queryParameters.get("next") ?? "/"), context: context)
    }

    func render(next: String, error: String? = nil, context: AppContext, status: HTTPResponse.Status = .ok) -> Response {
        let rule = state.config.signIn
        let model = SignInPage(next: next, error: error, provider: rule.provider?.name, keys: rule.accessKeys)
        var response = pages.render(model, title: "Sign in", context: context, status: status)
        response.headers[.referrerPolicy] = "same-origin"  // so its form's POST carries a real Origin
        return response
    }

    @Sendable func withKey(_ request: Request, context: AppContext) async throws -> Response {
        let form = try await WebForm.parse(SignInForm.self, request, context)
        let next = WebGate.safeNext(form.next.given ?? "/")
        if CrossSite.started(request, publicAddress: state.config.signIn.provider?.publicAddress) {
            return render(
                next: next, error: "This sign-in was started by another website, so it was refused. Open Caseload yourself and sign in here.",
                context: context, status: .forbidden)
        }
        guard state.config.signIn.accessKeys else {
            return render(next: next, error: "Your trust signs in with its sign-in provider, not access keys.", context: context, status: .forbidden)
        }
        guard let secret = form.token.given, secret.count < 200, let identity = try state.db.access.identity(secret: secret) else {
            let error = "That access key is not recognised, or has been withdrawn. Check it, or ask your trust for a new one."
            return render(next: next, error: error, context: context, status: .unauthorized)
        }
        context.sessions.createSession(WebSession(tokenId: identity.tokenId, at: WebGate.minute(state.now())), expiresIn: WebSession.lifetime)
        try? state.db.webSessions.removeExpired()
        return Response.redirect(to: next, type: .found)
    }

    /// Sends the browser to the provider, with a fresh state, nonce and PKCE challenge kept here
    /// and a cookie tying the attempt to this browser.
    @Sendable func start(_ request: Request, context: AppContext) async throws -> Response {
        let next = WebGate.safeNext(request.uri.queryParameters.get("next") ?? "/")
        guard let provider = state.config.signIn.provider else {
            return render(next: next, error: "Your trust has no sign-in provider set up.", context: context, status: .notFound)
        }
        let (attempt, key, browser) = SignInAttempt.start(next: next)
        let address: String
        do {
            address = try await state.signIn.client(for: provider).authorizationURL(attempt, state: key)
        } catch {
            logger.error("sign-in provider unavailable: \(error)")
            return render(
                next: next,
                error:
                    "Signing in with \(provider.name) is not working just now. Try again in a few minutes, or tell your trust's Caseload administrator.",
                context: context, status: .serviceUnavailable)
        }
        try state.db.webSessions.put(SignInAttempt.key(key), try JSONEncoder().encode(attempt), expires: Date().timeIntervalSince1970 + 600)
        var response = Response.redirect(to: address, type: .found)
        let cookie = Cookie(name: SignInAttempt.cookie, value: browser, maxAge: 600, path: "/signin", secure: secure, httpOnly: true, sameSite: .lax)
        response.setCookie(cookie)
        return response
    }

    /// The provider's answer: the attempt this browser started (used once), the code exchanged
    /// and the ID token checked, then the person it names signed in, or refused with whom to ask.
    @Sendable func finish(_ request: Request, context: AppContext) async throws -> Response {
        let query = request.uri.queryParameters
        guard let provider = state.config.signIn.provider else {
            return render(next: "/", error: "Your trust has no sign-in provider set up.", context: context, status: .notFound)
        }
        guard let key = query.get("state"), key.count < 100, let attempt = try take(key, request) else {
            return render(
                next: "/", error: "This sign-in was not started in this browser, or has already been used or has expired. Sign in again.",
                context: context, status: .forbidden)
        }
        guard let code = query.get("code"), !code.isEmpty, code.count < 2000 else {
            let said = query.get("error_description") ?? query.get("error") ?? "no code"
            return render(
                next: attempt.next, error: "\(provider.name) did not sign you in (\(said.prefix(120))). Try again.", context: context,
                status: .forbidden)
        }
        return try await signIn(code: code, attempt: attempt, provider: provider, context: context)
    }

    private func signIn(code: String, attempt: SignInAttempt, provider: SignInProvider, context: AppContext) async throws -> Response {
        let via = "sign-in with \(provider.name)"
        let identity: Identity
        do {
            let (account, _) = try await state.signIn.client(for: provider).account(
                code: code, attempt: attempt, emailVerifiedByDirectory: provider.emailVerifiedByDirectory)
            identity = try SigningIn(db: state.db).identity(
                account, allowedDomains: provider.allowedDomains, via: via, stamp: Stamp(actor: "sign-in"))
        } catch let refused as SignInRefused {
            return render(next: attempt.next, error: refused.description, context: context, status: .forbidden)
        } catch {
            logger.warning("sign-in refused: \(error)")
            return render(
                next: attempt.next,
                error: "Signing in with \(provider.name) did not work. Try again; if it keeps failing, tell your trust's Caseload administrator.",
                context: context, status: .forbidden)
        }
        guard let person = identity.person else { throw SignInUnavailable("a provider sign-in always names a person") }
        context.sessions.createSession(WebSession(person: person.id, via: via, at: WebGate.minute(state.now())), expiresIn: WebSession.lifetime)
        try state.db.recordAudit(Stamp(actor: identity.actor), action: "signin", entity: "person", id: "\(person.id)", detail: [:])
        try? state.db.webSessions.removeExpired()
        return Response.redirect(to: attempt.next, type: .found)
    }

    /// The attempt kept under `key`, if this browser's cookie matches it; removed either way, so
    /// a state (and the code that came with it) is used once.
    private func take(_ key: String, _ request: Request) throws -> SignInAttempt? {
        guard let kept = try state.db.webSessions.get(SignInAttempt.key(key)) else { return nil }
        try state.db.webSessions.remove(SignInAttempt.key(key))
        guard let attempt = try? JSONDecoder().decode(SignInAttempt.self, from: kept.value),
            let browser = request.cookies[SignInAttempt.cookie]?.value, Hashing.sha256Hex(browser) == attempt.browserHash
        else { return nil }
        return attempt
    }
}
