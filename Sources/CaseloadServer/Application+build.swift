import CaseloadStore
import Hummingbird
import Logging

/// Where the server listens.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Whether the web session cookie is marked `Secure` (served over HTTPS, as behind a TLS proxy).
    public var secureCookies = false

    /// Settings with a host and port.
    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
    }
}

/// The router with every route and middleware; tests drive it with `app.test(.router)`.
public func buildRouter(_ state: ServerState, secureCookies: Bool = false) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: MetricsMiddleware(metrics: state.metrics))
    router.add(middleware: ProblemMiddleware())
    let system = SystemController(state: state)
    system.registerPublic(router)
    let v1 = router.group("v1").add(middleware: AuthMiddleware(db: state.db)).add(middleware: WriteLimitMiddleware(limiter: state.writes))
    system.register(router, v1)
    ReferralController(state: state).register(v1)
    WaitlistController(state: state).register(v1)
    TimetableController(state: state).register(v1)
    SessionController(state: state).register(v1)
    SchoolController(state: state).register(v1)
    AbsenceController(state: state).register(v1)
    SimulationController(state: state).register(v1)
    TaskController(state: state).register(v1)
    PupilController(state: state).register(v1)
    PeopleController(state: state).register(v1)
    WebController(state: state, pages: state.pages).register(router, secureCookies: secureCookies)
    return router
}

/// The Caseload HTTP application over `state`, listening as `settings` say; it shuts down
/// gracefully on SIGINT and SIGTERM, finishing requests in flight.
public func buildApplication(_ state: ServerState, settings: ServerSettings = ServerSettings()) -> some ApplicationProtocol {
    var logger = Logger(label: "caseload")
    logger.logLevel = .info
    return Application(
        router: buildRouter(state, secureCookies: settings.secureCookies),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "caseload"),
        services: [MailRounds(state: state), JobRounds(state: state)],
        logger: logger)
}
