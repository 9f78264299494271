import Dispatch
import Hummingbird
import Synchronization

/// Planning and simulating are heavy: they run one at a time on a thread of their own, off the
/// threads that answer requests, so `/health` and every read stay fast meanwhile. A second heavy
/// request while one runs is answered 503 with `Retry-After`, not queued.
final class HeavyWork: Sendable {
    private let running = Mutex(0)
    /// One heavy job at a time: the serial queue runs them in turn, and a second is refused.
    let limit = 1
    /// Serial queues get a thread of their own, so heavy work never waits for (or starves) the
    /// shared worker threads.
    private let queue = DispatchQueue(label: "caseload.heavy-work", qos: .userInitiated)
    /// Where each job's run and duration are counted.
    let metrics: ServerMetrics

    /// Heavy work counted in `metrics`.
    init(metrics: ServerMetrics) { self.metrics = metrics }

    /// Runs `body` off the request threads, or refuses at once when `limit` jobs are running.
    func run<T: Sendable>(_ what: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = running.withLock { n -> Bool in
            guard n < limit else { return false }
            n += 1
            return true
        }
        guard admitted else {
            var problem = Problem(.serviceUnavailable, "the server is busy with another plan or simulation; try \(what) again in a minute")
            problem.headers[.retryAfter] = "30"
            throw problem
        }
        defer { running.withLock { $0 -= 1 } }
        return try await onQueue(what, body)
    }

    /// Runs `body` on the heavy-work queue when its turn comes (a task: it waits, it is not
    /// refused), counting as running meanwhile so a request for other heavy work is refused.
    func inTurn<T: Sendable>(_ what: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        running.withLock { $0 += 1 }
        defer { running.withLock { $0 -= 1 } }
        return try await onQueue(what, body)
    }

    private func onQueue<T: Sendable>(_ what: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        let start = ContinuousClock.now
        let metrics = metrics
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                let result = Result { try body() }
                metrics.job(what, took: .now - start, failed: (try? result.get()) == nil)
                continuation.resume(with: result)
            }
        }
    }
}

/// Database writes run on a queue of their own, so a write waiting for the lock (a long import
/// from the command line, say) holds no thread that answers requests. SQLite takes one writer at
/// a time anyway, so the queue is serial, which also gives it a thread of its own.
enum DatabaseWork {
    private static let queue = DispatchQueue(label: "caseload.database-writes", qos: .userInitiated)

    /// Runs `body` off the request threads and waits for it.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
