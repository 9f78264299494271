import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird
import Logging

/// The web front: sign-in and sign-out, the stylesheet, and each role's pages, served by the same
/// `caseload serve` over the same database, asking the same use cases and access policy as the API.
struct WebController {
    let state: ServerState
    let pages: Pages

    func register(_ router: Router<AppContext>, secureCookies: Bool) {
        let staticFolder = Bundle.module.resourceURL!.appendingPathComponent("Static").path
        var quiet = Logger(label: "caseload.static")
        quiet.logLevel = .warning  // not a line per router built
        router.add(
            middleware: FileMiddleware(staticFolder, urlBasePath: "/static", cacheControl: .init([(.textCss, [.maxAge(3600)])]), logger: quiet))
        CalendarFeedRoute(state: state).register(router)
        let open = router.group().add(middleware: sessionMiddleware(db: state.db, secure: secureCookies))
        SignInController(state: state, pages: pages, secure: secureCookies).register(open)
        let web = open.add(middleware: WebGate(db: state.db, now: state.now)).add(middleware: WebErrors(pages: pages))
            .add(middleware: WriteLimitMiddleware(limiter: state.writes))
        web.get("/", use: home)
        web.post("signout", use: signOut)
        SchoolPages(state: state, pages: pages).register(web)
        SpecialistPages(state: state, pages: pages, secure: secureCookies).register(web)
        LeaderPages(state: state, pages: pages).register(web)
        TaskPages(state: state, pages: pages).register(web)
        TermPages(state: state, pages: pages).register(web)
        PeoplePages(state: state, pages: pages).register(web)
        SettingsPages(state: state, pages: pages).register(web)
    }

    @Sendable func signOut(_ request: Request, context: AppContext) async throws -> Response {
        _ = try await WebForm.read(EmptyForm.self, request, context)
        context.sessions.clearSession()
        return Response.redirect(to: "/signin", type: .found)
    }

    @Sendable func home(_ request: Request, context: AppContext) async throws -> Response {
        switch try context.caller().role {
        case .senco: Response.redirect(to: "/referrals", type: .found)
        case .specialist: Response.redirect(to: "/my-week", type: .found)
        case .leader: Response.redirect(to: "/waiting-list", type: .found)
        case .monitor: Response.redirect(to: "/metrics", type: .found)
        }
    }
}

/// Turns an error behind a page into a page saying what to do (the same statuses as the API's
/// problems: another school's referral is a 404 here too).
struct WebErrors: RouterMiddleware {
    typealias Context = AppContext
    let pages: Pages

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do { return try await next(request, context) } catch let refusal as WebRefusal {
            return page(.forbidden, refusal.description, context)
        } catch {
            let problem = Problem.from(error)
            if problem.status.code >= 500 { context.logger.error("\(request.method) \(request.uri.path) answered \(problem.status.code): \(error)") }
            return page(problem.status, (error as? StoreError)?.onThePages ?? problem.detail, context, headers: problem.headers)
        }
    }

    func page(_ status: HTTPResponse.Status, _ message: String, _ context: AppContext, headers: HTTPFields = [:]) -> Response {
        let title = status == .notFound ? "Not found" : status == .tooManyRequests ? "Too many changes at once" : "That did not work"
        var response = pages.render(ProblemPage(message: message, back: "/"), title: title, context: context, status: status)
        for field in headers { response.headers.append(field) }  // a 429's Retry-After
        WebGate.markPrivate(&response.headers)
        return response
    }
}
