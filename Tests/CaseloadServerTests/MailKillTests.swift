import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@testable import CaseloadServer

/// `caseload serve` killed with SIGKILL while it sends: no message is lost and none is sent twice,
/// counted by what a real SMTP relay (aiosmtpd, slowed to 0.4 seconds a message) received.
@Suite struct MailKillTests {
    /// The `caseload` executable the tests were built with.
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("caseload").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : Repo.root.appendingPathComponent(".build/debug/caseload").path
    }

    func serve(_ h: Harness, _ config: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = ["serve", "--db", h.folder.appendingPathComponent("api.sqlite").path, "--config", config, "--port", "\(TestRelay.freePort())"]
        (p.standardOutput, p.standardError) = (FileHandle.nullDevice, FileHandle.nullDevice)
        try p.run()
        return p
    }

    /// Kills `server` with SIGKILL in the middle of a send: 0.2 seconds after `relay` holds
    /// `count` messages, while sendmail waits on the relay (0.4 seconds a message) for the next.
    /// It watches from a thread of its own, not the test's, which other tests' work can hold up.
    static func killOnceSent(_ count: Int, _ relay: TestRelay, _ server: Process) {
        let watcher = Thread {
            let deadline = Date().addingTimeInterval(60)
            while ((try? relay.messages().count) ?? 0) < count, Date() < deadline { usleep(10_000) }
            usleep(200_000)
            kill(server.processIdentifier, SIGKILL)
        }
        watcher.start()
    }

    @Test func killingTheServerWhileItSendsLosesNoneAndSendsNoneTwice() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        _ = try MailTests().people(h)
        _ = try WeeklySchedulerHarness.publish(h, MailTests.week)
        let expected = try h.state.db.outbox.due(now: Date()).count
        #expect(expected > 6, "publishing the demo week writes a message to each school and specialist")
        let relay = try TestRelay(folder: h.folder, delay: 0.4)
        defer { relay.stop() }
        let config = h.folder.appendingPathComponent("mail.yaml").path
        let settings =
            try String(contentsOfFile: h.state.configPath, encoding: .utf8) + """

                notifications:
                  from: "Caseload <caseload@trust.example>"
                  sendmail: [/usr/bin/msmtp, --host=127.0.0.1, --port=\(relay.port), --auth=off, --tls=off, --from=caseload@trust.example, -t]
                  address: https://caseload.trust.example
                  every_seconds: 5

                """
        try settings.write(toFile: config, atomically: true, encoding: .utf8)
        let first = try serve(h, config)
        Self.killOnceSent(3, relay, first)
        first.waitUntilExit()
        let beforeRestart = try relay.messages().count
        #expect(beforeRestart >= 3 && beforeRestart < expected, "killed part of the way through: \(beforeRestart) of \(expected)")
        let second = try serve(h, config)
        defer {
            kill(second.processIdentifier, SIGKILL)
            second.waitUntilExit()
        }
        let end = ContinuousClock.now + .seconds(120)
        while try relay.messages().count < expected, ContinuousClock.now < end { try await Task.sleep(for: .milliseconds(100)) }
        try await Task.sleep(for: .seconds(1))  // anything sent twice would arrive by now
        let received = try relay.messages()
        #expect(received.count == expected, "every message arrives once: \(received.count) of \(expected)")
        #expect(Set(received.map(\.messageId)).count == received.count, "no Message-ID twice")
        #expect(try h.state.db.outbox.due(now: Date()).isEmpty)
    }
}
