import CaseloadStore
import Hummingbird
import Logging

/// Where the server listens.
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080

    /// Settings with a host and port.
    public init(host: String = "127.0.0.1", port: Int = 8080) { self.host = host; self.port = port }
}

/// The router with every route and middleware; tests drive it with `app.test(.router)`.
public func buildRouter(_ state: ServerState) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
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
    SimulationController(state: state).register(v1)
    return router
}

/// The Caseload HTTP application over `state`, listening as `settings` say; it shuts down
/// gracefully on SIGINT and SIGTERM, finishing requests in flight.
public func buildApplication(_ state: ServerState, settings: ServerSettings = ServerSettings()) -> some ApplicationProtocol {
    var logger = Logger(label: "caseload")
    logger.logLevel = .info
    return Application(
        router: buildRouter(state),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "caseload"),
        logger: logger)
}
