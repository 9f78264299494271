import CaseloadConfig
import CaseloadCore
import CaseloadPlanner
import CaseloadServer
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

let repoRoot = Repo.root
let stamp = Stamp(actor: "test")

/// The demo trust in a real database file, a copy of the trust settings, and one token per role.
struct Harness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-api-\(UUID().uuidString)")
    let state: ServerState
    /// The server's clock, which a test may move on.
    let clock = Clock()
    let leader: String, sencoA: String, sencoB: String, specialist: String
    static let schoolA = "136156", schoolB = "136281"

    init(
        writesPerMinute: Int = 300, writeBurst: Int = 60, signIns: (perMinute: Int, burst: Int) = (30, 30),
        planner: PlannerOptions = PlannerOptions(iterations: 60)
    ) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configPath = folder.appendingPathComponent("trust.yaml").path
        try FileManager.default.copyItem(atPath: repoRoot.appendingPathComponent("Config/trust.yaml").path, toPath: configPath)
        let db = try demoTrust(at: folder.appendingPathComponent("api.sqlite").path)
        state = try ServerState(
            db: db, configPath: configPath, planner: planner, writesPerMinute: writesPerMinute,
            writeBurst: writeBurst, signIns: signIns, now: { [clock] in clock.now })
        leader = try db.access.createToken(role: .leader, label: "leader", stamp: stamp).secret
        sencoA = try db.access.createToken(role: .senco(school: Harness.schoolA), label: "A", stamp: stamp).secret
        sencoB = try db.access.createToken(role: .senco(school: Harness.schoolB), label: "B", stamp: stamp).secret
        specialist = try db.access.createToken(role: .specialist(id: "salt-3"), label: "salt-3", stamp: stamp).secret
    }

    var app: some ApplicationProtocol { Application(router: buildRouter(state)) }

    func cleanup() { try? FileManager.default.removeItem(at: folder) }

    /// A referral of school `urn` (from the demo data).
    func referral(of urn: String) throws -> Referral { try #require(try state.db.referrals.all(school: urn).first) }
}

/// A clock a test sets: the server reads it on every request.
final class Clock: Sendable {
    private let moment = Mutex(Moment(date: CalendarDate("2026-11-23")!))
    var now: Moment { moment.withLock { $0 } }
    func set(_ text: String) { moment.withLock { $0 = Moment(text)! } }
}

func headers(_ token: String?, json: Bool = false) -> HTTPFields {
    var h = HTTPFields()
    if let token { h[.authorization] = "Bearer \(token)" }
    if json { h[.contentType] = "application/json" }
    return h
}

func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// The response's body decoded as the DTO the API answers with.
func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
    try JSONDecoder().decode(type, from: Data(buffer: response.body))
}

/// An `application/problem+json` answer (RFC 9457) as the API writes it.
struct ProblemBody: Decodable {
    let type: String, title: String, status: Int, detail: String, instance: String
    let field: String?
}

/// The response's problem (a failed decode, which the expectations then catch, when it is not one).
func problem(_ response: TestResponse) throws -> ProblemBody { try decode(ProblemBody.self, response) }

/// The response's JSON object ([:] when it is not one, which the expectations then catch).
func object(_ response: TestResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [String: Any] ?? [:]
}

let goodReferral = """
    {"pupil_ref": "H-2026-1", "year_group": 8, "service": "SALT", "area": "communication_interaction",
     "severity": 4, "apdr_cycles": 1, "consent": true}
    """

/// Starts heavy work with a POST to `uri`, which must answer `202 Accepted` with the task's
/// address in `Location` at once, then follows the task until it has finished (a minute at
/// most); answers the finished task as JSON (`state`, `result`, `problem`).
func finishedTask(_ client: some TestClientProtocol, _ uri: String, _ fields: HTTPFields, body: ByteBuffer? = nil) async throws -> [String: Any] {
    let started = try await client.execute(uri: uri, method: .post, headers: fields, body: body)
    #expect(started.status == .accepted, "\(String(buffer: started.body))")
    let address = try #require(started.headers[.location])
    return try await followTask(client, address, fields)
}

/// Follows the task at `address` until it has finished (a minute at most).
func followTask(_ client: some TestClientProtocol, _ address: String, _ fields: HTTPFields) async throws -> [String: Any] {
    for _ in 0..<600 {
        let seen = object(try await client.execute(uri: address, method: .get, headers: fields))
        if ["done", "failed"].contains(seen["state"] as? String) { return seen }
        try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record("the task at \(address) did not finish within a minute")
    return [:]
}

/// Follows a page's task (`/tasks/N`, where a form sent the browser) until it shows its result:
/// the page while it runs carries a `Refresh` header; answers the first answer without one.
func followTaskPage(_ client: some TestClientProtocol, _ sent: TestResponse, _ fields: HTTPFields) async throws -> TestResponse {
    #expect(sent.status == .seeOther)
    let address = try #require(sent.headers[.location])
    #expect(address.hasPrefix("/tasks/"), "\(address)")
    for _ in 0..<600 {
        let page = try await client.execute(uri: address, method: .get, headers: fields)
        if page.headers[HTTPField.Name("Refresh")!] == nil { return page }
        try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record("the task page \(address) still ran after a minute")
    return try await client.execute(uri: address, method: .get, headers: fields)
}
