import CoreMetrics
import Foundation
import Hummingbird
import Prometheus

/// The server's metrics, recorded through apple/swift-metrics and exported as Prometheus text by
/// swift-server/swift-prometheus for `GET /metrics`: requests by route pattern and status, their
/// latency histograms, heavy jobs (planning, projecting, simulating) with their durations, and the
/// waiting lists' sizes. Each server has its own registry (no process-wide bootstrap), so tests
/// and several servers in one process never mix their counts.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let factory: DescribedMetricsFactory

    /// Empty metrics.
    public init() { factory = DescribedMetricsFactory(registry: registry) }

    /// One request answered.
    func request(method: String, route: String, status: Int, took: Duration) {
        CoreMetrics.Counter(
            label: "caseload_http_requests_total", dimensions: [("method", method), ("route", route), ("status", "\(status)")], factory: factory
        )
        .increment()
        CoreMetrics.Timer(label: "caseload_http_request_duration_seconds", dimensions: [("method", method), ("route", route)], factory: factory)
            .recordNanoseconds(ServerMetrics.nanoseconds(took))
    }

    /// One heavy job run (`job`: a fixed name such as `planning_the_week`), and whether it failed.
    func job(_ job: String, took: Duration, failed: Bool) {
        let name = String(job.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        CoreMetrics.Counter(label: "caseload_jobs_total", dimensions: [("job", name), ("outcome", failed ? "failed" : "ok")], factory: factory)
            .increment()
        CoreMetrics.Timer(label: "caseload_job_duration_seconds", dimensions: [("job", name)], factory: factory).recordNanoseconds(
            ServerMetrics.nanoseconds(took))
    }

    /// `d` in whole nanoseconds.
    static func nanoseconds(_ d: Duration) -> Int64 {
        d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
    }

    /// The Prometheus text, with each service's waiting-list size as of now.
    func text(waiting: [String: Int]) -> String {
        for (service, n) in waiting {
            CoreMetrics.Gauge(label: "caseload_waiting_referrals", dimensions: [("service", service)], factory: factory).record(n)
        }
        return registry.emitToString()
    }
}

/// Times every request and counts it by its route pattern (never by ids in the path).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.request(
                method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code, took: .now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.request(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: status, took: .now - start)
            throw error
        }
    }
}

/// swift-metrics' factory over a swift-prometheus registry that gives every metric its `# HELP`
/// text (which `promtool check metrics` requires and swift-prometheus's own factory leaves out)
/// and its histogram buckets.
struct DescribedMetricsFactory: MetricsFactory {
    let registry: PrometheusCollectorRegistry

    /// Each metric's name, unit and help, by its swift-metrics label.
    static let described: [String: (name: String, unit: String, help: String)] = [
        "caseload_http_requests_total": ("caseload_http_requests", "total", "Requests answered, by method, route pattern and status."),
        "caseload_http_request_duration_seconds": ("caseload_http_request_duration", "seconds", "Time to answer a request."),
        "caseload_jobs_total": ("caseload_jobs", "total", "Heavy jobs run (planning a week, projecting the list, simulating), by outcome."),
        "caseload_job_duration_seconds": ("caseload_job_duration", "seconds", "Time a heavy job took."),
        "caseload_waiting_referrals": ("caseload_waiting_referrals", "", "Referrals on each service's waiting list."),
    ]
    static let requestBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5].map { Duration.seconds($0) }
    static let jobBuckets = [1, 2, 5, 10, 20, 30, 60, 120, 300].map { Duration.seconds($0) }

    func descriptor(_ label: String) -> MetricNameDescriptor {
        let d = DescribedMetricsFactory.described[label] ?? (label, "", label.replacingOccurrences(of: "_", with: " "))
        return MetricNameDescriptor(metricName: d.name, unitName: d.unit, helpText: d.help)
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        registry.makeGauge(descriptor: descriptor(label), labels: dimensions)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        registry.makeGauge(descriptor: descriptor(label), labels: dimensions)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        let buckets = label == "caseload_job_duration_seconds" ? Self.jobBuckets : Self.requestBuckets
        return registry.makeDurationHistogram(descriptor: descriptor(label), labels: dimensions, buckets: buckets)
    }

    func destroyCounter(_ handler: any CounterHandler) { (handler as? Prometheus.Counter).map(registry.unregisterCounter) }
    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        (handler as? Prometheus.Counter).map(registry.unregisterCounter)
    }
    func destroyRecorder(_ handler: any RecorderHandler) { (handler as? Prometheus.Gauge).map(registry.unregisterGauge) }
    func destroyMeter(_ handler: any MeterHandler) { (handler as? Prometheus.Gauge).map(registry.unregisterGauge) }
    func destroyTimer(_ handler: any TimerHandler) { (handler as? DurationHistogram).map(registry.unregisterDurationHistogram) }
}
