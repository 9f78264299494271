import Foundation
import Hummingbird
import Synchronization

/// Request counts and latencies per route and status, for `GET /metrics` (Prometheus text).
public final class RequestMetrics: Sendable {
    struct Series { var count = 0; var seconds = 0.0; var buckets = [Int](repeating: 0, count: RequestMetrics.bounds.count) }
    static let bounds = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5]
    private let series = Mutex<[String: Series]>([:])

    public init() {}

    func record(method: String, route: String, status: Int, seconds: Double) {
        let key = "method=\"\(method)\",route=\"\(route)\",status=\"\(status)\""
        series.withLock { all in
            var s = all[key] ?? Series()
            s.count += 1
            s.seconds += seconds
            for (i, b) in RequestMetrics.bounds.enumerated() where seconds <= b { s.buckets[i] += 1 }
            all[key] = s
        }
    }

    /// The Prometheus exposition of the requests so far.
    func text() -> String {
        let all = series.withLock { $0 }
        var lines = ["# HELP caseload_http_requests_total Requests answered.", "# TYPE caseload_http_requests_total counter"]
        for (k, s) in all.sorted(by: { $0.key < $1.key }) { lines.append("caseload_http_requests_total{\(k)} \(s.count)") }
        lines += ["# HELP caseload_http_request_seconds Time to answer.", "# TYPE caseload_http_request_seconds histogram"]
        for (k, s) in all.sorted(by: { $0.key < $1.key }) {
            for (i, b) in RequestMetrics.bounds.enumerated() {
                lines.append("caseload_http_request_seconds_bucket{\(k),le=\"\(b)\"} \(s.buckets[i])")
            }
            lines.append("caseload_http_request_seconds_bucket{\(k),le=\"+Inf\"} \(s.count)")
            lines.append("caseload_http_request_seconds_sum{\(k)} \(s.seconds)")
            lines.append("caseload_http_request_seconds_count{\(k)} \(s.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Times every request and counts it by its route pattern (never by ids in the path).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let metrics: RequestMetrics

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let d = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics.record(
            method: request.method.rawValue, route: route, status: response.status.code,
            seconds: Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        return response
    }
}
