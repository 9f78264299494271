import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import CaseloadServer

/// A real OpenID Connect provider (PyPI's django-oidc-provider 0.9.0 on Django 5.2, started on a
/// loopback port by `oidc/provider.py`) and Caseload's pages in headless chromium: a SENCO signs
/// in through the provider's own form and sees only her school; an account Caseload does not
/// know is refused with whom to ask; a specialist switched off is signed out at his next click;
/// a restarted server keeps the SENCO's session.
@Suite struct ProviderSignInTests {
    /// The virtual environment `.ci/run` makes for the provider.
    static var python: String {
        ProcessInfo.processInfo.environment["CASELOAD_OIDC_PYTHON"] ?? Repo.root.appendingPathComponent(".build/oidc-venv/bin/python").path
    }

    @Test func peopleSignInThroughARealProvider() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.python),
            "the provider's Python is missing: run .ci/run once, or python3 -m venv .build/oidc-venv && .build/oidc-venv/bin/pip install django-oidc-provider==0.9.0 'Django>=5.2,<5.3'"
        )
        let h = try Harness()
        defer { h.cleanup() }
        let people = People(db: h.state.db)
        _ = try people.add(
            PersonDetails(name: "Jane Smith", email: "jane.smith@havant.example", roles: [.senco(school: Harness.schoolA)]), by: .commandLine,
            stamp: stamp)
        let sam = try people.add(
            PersonDetails(name: "Sam Okafor", email: "sam.okafor@trust.example", roles: [.specialist(id: "salt-3")]), by: .commandLine, stamp: stamp)
        let names = try h.state.db.roster.schoolNames()
        let app = Application(router: buildRouter(h.state), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let session = try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(client.port!)"
            let provider = try TestProvider(python: Self.python, folder: h.folder, redirect: base + "/signin/callback")
            defer { provider.stop() }
            let secretFile = h.folder.appendingPathComponent("client-secret").path
            try Data(provider.secret.utf8).write(to: URL(fileURLWithPath: secretFile))
            let settings = """
                sign_in:
                  provider:
                    name: Test provider
                    issuer: \(provider.issuer)
                    client_id: caseload
                    client_secret_file: \(secretFile)
                    public_address: \(base)
                    allowed_domains: [havant.example, trust.example, elsewhere.example]

                """
            let yaml = h.state.configText.replacingOccurrences(of: "sign_in:\n  access_keys: yes\n", with: settings)
            _ = try h.state.replaceConfig(yaml, by: .commandLine, stamp: stamp)
            let script = Repo.root.appendingPathComponent("Tests/CaseloadServerTests/oidc/signin.py").path
            let args = ["python3", script, base, h.leader, "\(sam.id)", names[Harness.schoolA]!, Harness.schoolB, names[Harness.schoolB]!]
            let (status, output) = try await runToolInBackground(args)
            let text = String(decoding: output, as: UTF8.self)
            #expect(status == 0 && text.contains("all steps passed"), "\(text)")
            return text.firstMatch(of: /session=(\S+)/).map { String($0.1) } ?? ""
        }
        #expect(!session.isEmpty)
        let restarted = try ServerState(db: h.state.db, configPath: h.state.configPath, now: { [clock = h.clock] in clock.now })
        try await Application(router: buildRouter(restarted)).test(.router) { client in
            var headers = HTTPFields()
            headers[.cookie] = "caseload_session=\(session)"
            let page = try await client.execute(uri: "/referrals", method: .get, headers: headers)
            #expect(page.status == .ok && String(buffer: page.body).contains("Signed in as Jane Smith"), "a restart kept her session")
        }
        let audit = try h.state.db.auditLog(entity: "person").map { "\($0.action) \($0.actor)" }
        #expect(audit.contains { $0.hasPrefix("signin Jane Smith") && $0.contains("sign-in with Test provider") }, "\(audit)")
        #expect(audit.contains { $0.hasPrefix("disable integration 'leader'") }, "the switch-off names who did it: \(audit)")
    }
}

/// `oidc/provider.py` running on a free loopback port until `stop()`.
final class TestProvider: Sendable {
    let process: Process
    let issuer: String
    let secret = "test-secret-\(UUID().uuidString)"

    init(python: String, folder: URL, redirect: String) throws {
        let script = Repo.root.appendingPathComponent("Tests/CaseloadServerTests/oidc/provider.py").path
        let data = folder.appendingPathComponent("provider")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "0", data.path, redirect]
        process.environment = ProcessInfo.processInfo.environment.merging(["CASELOAD_OIDC_SECRET": secret]) { _, new in new }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: data.appendingPathComponent("provider.log").path) ?? FileHandle.nullDevice
        FileManager.default.createFile(atPath: data.appendingPathComponent("provider.log").path, contents: nil)
        try process.run()
        issuer = try TestProvider.awaitReady(out.fileHandleForReading)
    }

    /// Reads the provider's output until it says "ready ISSUER" (at most a minute).
    static func awaitReady(_ handle: FileHandle) throws -> String {
        let deadline = Date().addingTimeInterval(60)
        var seen = ""
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let m = seen.firstMatch(of: /ready (\S+)/) { return String(m.1) }
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the test provider did not start: \(seen)"])
    }

    /// Stops it with SIGKILL: the test runner's threads block SIGTERM, and a child started from
    /// one inherits that mask, so `terminate()` would leave it running.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
