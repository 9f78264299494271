import CaseloadCore
import Foundation
import Hummingbird
import Synchronization

/// Writes per token: a bucket of `burst` writes that refills at `perMinute` a minute. A token
/// that empties it is answered 429 with `Retry-After` until it refills.
final class WriteLimiter: Sendable {
    let perMinute: Double, burst: Double
    private let buckets = Mutex<[String: (tokens: Double, at: ContinuousClock.Instant)]>([:])

    /// `perMinute` 0 turns the limit off.
    init(perMinute: Int, burst: Int) {
        self.perMinute = Double(perMinute)
        self.burst = Double(max(1, burst))
    }

    /// `nil` when the write may go ahead, else the seconds until it may.
    func take(_ token: String, now: ContinuousClock.Instant = .now) -> Int? {
        guard perMinute > 0 else { return nil }
        return buckets.withLock { all in
            var b = all[token] ?? (burst, now)
            let elapsed = Double((now - b.at).components.seconds) + Double((now - b.at).components.attoseconds) / 1e18
            b.tokens = min(burst, b.tokens + elapsed * perMinute / 60)
            b.at = now
            defer { all[token] = b }
            guard b.tokens >= 1 else { return Int(((1 - b.tokens) * 60 / perMinute).rounded(.up)) }
            b.tokens -= 1
            return nil
        }
    }
}

/// Applies the write limit to every POST, PUT, PATCH and DELETE behind authentication.
struct WriteLimitMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let limiter: WriteLimiter

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method), let caller = context.identity,
            let wait = limiter.take(caller.limitKey)
        else { return try await next(request, context) }
        var problem = Problem(.tooManyRequests, "too many changes in a short time from this sign-in; wait \(wait) seconds and try again")
        problem.headers[.retryAfter] = "\(wait)"
        throw problem
    }
}
