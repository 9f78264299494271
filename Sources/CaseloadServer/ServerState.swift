import CaseloadConfig
import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import Foundation
import Synchronization

/// What every controller shares: the database, the trust's settings (reloaded when a leader
/// changes them), the clock and the planner's options.
public final class ServerState: Sendable {
    public let db: AppDatabase
    public let configPath: String
    /// The settings in force and the YAML they were read from.
    private let current: Mutex<(config: TrustConfig, yaml: String)>
    /// The trust's clock (Europe/London); tests set it.
    let now: @Sendable () -> Moment
    let planner: PlannerOptions
    let metrics = ServerMetrics()
    let waiting = WaitingCache()
    let writes: WriteLimiter
    /// Sign-in attempts per connecting address (a key posted, a provider sign-in started or
    /// finished): by default 30 at once, then one every two seconds. Nobody signs in that often;
    /// a script guessing keys or filling the attempts table does.
    let signIns: WriteLimiter
    let heavy: HeavyWork
    /// The web pages' templates, loaded once.
    let pages: Pages
    /// The sign-in provider's client, for the settings in force.
    let signIn = SignInClients()

    /// State over `db`, with the settings at `configPath`.
    /// `writesPerMinute` per token (0: no limit), in bursts of up to `writeBurst`; sign-in
    /// attempts per connecting address as `signIns` says.
    public init(
        db: AppDatabase, configPath: String, planner: PlannerOptions = PlannerOptions(),
        writesPerMinute: Int = 300, writeBurst: Int = 60, signIns: (perMinute: Int, burst: Int) = (30, 30),
        now: @escaping @Sendable () -> Moment = { Moment.london() }
    ) throws {
        self.signIns = WriteLimiter(perMinute: signIns.perMinute, burst: signIns.burst)
        self.db = db
        self.configPath = configPath
        self.now = now
        self.planner = planner
        pages = try Pages()
        heavy = HeavyWork(metrics: metrics)
        writes = WriteLimiter(perMinute: writesPerMinute, burst: writeBurst)
        guard let data = FileManager.default.contents(atPath: configPath) else {
            throw InputError(field: configPath, problem: "cannot be read; run `caseload init` to write a starter config, or pass --config PATH")
        }
        let yaml = try TrustConfigFile.text(data, what: configPath)
        do { current = Mutex((try TrustConfigFile.parse(yaml), yaml)) } catch {
            throw InputError(field: "\(configPath): \(error.field)", id: error.id, problem: error.problem)
        }
        db.observeWaitingList { [waiting] in waiting.invalidate() }
        try db.tasks.abandonUnfinished(at: Date())  // their work was in the memory of a server that stopped
        try db.outbox.settleInDoubt(handedBefore: Date())  // handed to sendmail by a server that was killed: never again
    }

    /// The settings in force.
    public var config: TrustConfig { current.withLock { $0.config } }

    /// The YAML of the settings in force (not whatever the file on disk says now).
    public var configText: String { current.withLock { $0.yaml } }

    /// Validates `yaml` exactly as `caseload config check` does, then writes it atomically and uses
    /// it; only a caller the access policy lets change the settings may (the API and the pages both
    /// come here). With `base` (the hash of the settings the change was previewed against), a change
    /// made by someone else since then is refused.
    func replaceConfig(_ yaml: String, by caller: Identity, base: String? = nil, stamp: Stamp) throws -> TrustConfig {
        try AccessPolicy.check(caller, .changeSettings, .trust)
        if let base, base != Hashing.sha256Hex(configText) {
            throw StoreError.conflict("the settings were changed by someone else after your preview; nothing was saved: preview your change again")
        }
        let parsed = try TrustConfigFile.parse(yaml)
        do { try Data(yaml.utf8).write(to: URL(fileURLWithPath: configPath), options: .atomic) } catch {
            throw StoreError.unavailable(
                "the settings are valid but cannot be saved to \(configPath) (\(error.localizedDescription)); check that the server may write that file"
            )
        }
        current.withLock { $0 = (parsed, yaml) }
        waiting.invalidate()  // the settings are no database change: the one call the observer does not make
        try db.recordAudit(
            stamp, action: "update", entity: "config", id: configPath, detail: ["services": parsed.services.map(\.code).joined(separator: ",")])
        return parsed
    }

    /// A term simulated from next Monday with the server's planner settings kept short (a what-if
    /// answers within a request), for the API and the pages alike.
    func termSimulation(weeks: Int, absence: Double = 0.08, seed: UInt64 = 1) throws -> TermSimulation {
        TermSimulation(
            weeks: weeks, start: try TermSimulation.firstWeek(after: today(), db: db), absence: absence, seed: seed,
            planner: PlannerOptions(timeLimit: 2, iterations: planner.iterations ?? 300, threads: 1))
    }

    /// Today's date in the UK.
    func today() -> CalendarDate { now().date }
}
