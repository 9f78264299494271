import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@testable import CaseloadServer

/// Messages through a real mail server on loopback (PyPI's aiosmtpd 1.4.6, reached by Debian's
/// msmtp as the `sendmail` interface): publishing the demo week tells each school's SENCO and
/// each specialist their own visits and nothing else; a re-plan after an absence tells exactly
/// those whose visits changed; with the relay down, messages wait and go when it is back.
@Suite struct MailTests {
    static let week = CalendarDate("2026-11-30")!

    /// A SENCO person for every school and a person for every specialist.
    func people(_ h: Harness) throws -> (schools: [String: Int64], specialists: [String: Int64]) {
        let people = People(db: h.state.db)
        var schools: [String: Int64] = [:]
        var specialists: [String: Int64] = [:]
        for s in try h.state.db.roster.schools() {
            let p = PersonDetails(name: "SENCO \(s.urn)", email: "senco-\(s.urn)@schools.example", roles: [.senco(school: s.urn)])
            schools[s.urn] = try people.add(p, by: .commandLine, stamp: stamp).id
        }
        for s in try h.state.db.roster.specialists().map(\.specialist) {
            let p = PersonDetails(name: "Specialist \(s.id)", email: "\(s.id)@trust.example", roles: [.specialist(id: s.id)])
            specialists[s.id] = try people.add(p, by: .commandLine, stamp: stamp).id
        }
        return (schools, specialists)
    }

    func rule(_ port: Int) -> NotificationRule {
        NotificationRule(
            from: "Caseload <caseload@trust.example>",
            sendmail: ["/usr/bin/msmtp", "--host=127.0.0.1", "--port=\(port)", "--auth=off", "--tls=off", "--from=caseload@trust.example", "-t"],
            address: "https://caseload.trust.example", digestAt: ClockTime(minutes: 420), everySeconds: 60)
    }

    @Test func publishingTellsEachSchoolAndSpecialistTheirOwnVisitsOnly() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let (schools, specialists) = try people(h)
        _ = try WeeklySchedulerHarness.publish(h, Self.week)
        let relay = try TestRelay(folder: h.folder)
        defer { relay.stop() }
        let round = try Postbox(db: h.state.db).deliver(
            now: h.clock.now, instant: Date(), rule: rule(relay.port), transport: SendmailTransport(command: rule(relay.port).sendmail))
        let t = try #require(try h.state.db.timetables.timetable(week: Self.week))
        let referrals = Dictionary(uniqueKeysWithValues: try h.state.db.referrals.all().map { ($0.id, $0.request.pupilRef) })
        let bySchool = Dictionary(grouping: t.bookings, by: \.school)
        let bySpecialist = Dictionary(grouping: t.bookings, by: \.specialist)
        #expect(round.sent == bySchool.count + bySpecialist.count && round.failed == 0)
        let mail = try relay.messages()
        #expect(mail.count == bySchool.count + bySpecialist.count, "one message each")
        let allPupils = Set(referrals.values)
        for (urn, visits) in bySchool {
            let mine = mail.filter { $0.to.contains("senco-\(urn)@") }
            #expect(mine.count == 1 && schools[urn] != nil)
            let own = Set(visits.map { referrals[$0.referral]! })
            let named = Set(
                allPupils.filter { mine.first?.body.contains("pupil \($0)\n") == true || mine.first?.body.hasSuffix("pupil \($0)") == true })
            #expect(named == own, "school \(urn)'s message names its own pupils and no other school's")
        }
        for (id, sessions) in bySpecialist {
            let mine = mail.filter { $0.to.contains("<\(id)@trust.example>") }
            #expect(mine.count == 1 && specialists[id] != nil)
            #expect(mine.first?.body.components(separatedBy: "\n- ").count == sessions.count + 1, "\(id): each session a line")
        }
        #expect(mail.allSatisfy { $0.messageId.hasPrefix("<caseload-") && $0.body.contains("https://caseload.trust.example/") })
        let again = try Postbox(db: h.state.db).deliver(
            now: h.clock.now, instant: Date(), rule: rule(relay.port), transport: SendmailTransport(command: rule(relay.port).sendmail))
        let total = try relay.messages().count
        #expect(again.sent == 0 && total == mail.count, "each message is sent once")
    }

    @Test func aReplanTellsExactlyThoseWhoseVisitsChangedAndADownRelayOnlyDelays() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        _ = try people(h)
        _ = try WeeklySchedulerHarness.publish(h, Self.week)
        let before = try #require(try h.state.db.timetables.timetable(week: Self.week)).bookings
        try h.state.db.outbox.sent(try h.state.db.outbox.due(now: Date()).map(\.id), at: Date())  // the publishing's messages went
        let thursday = before.filter { $0.day == .thu }
        let away = try #require(Dictionary(grouping: thursday, by: \.specialist).max { $0.value.count < $1.value.count }?.key)
        try h.state.db.calendar.addLeave(
            specialist: away, from: Self.week.adding(days: 3), to: Self.week.adding(days: 3), reason: "ill", stamp: stamp)
        _ = try WeeklyScheduler(db: h.state.db, config: h.state.config, options: PlannerOptions(iterations: 60))
            .schedule(week: Self.week, replan: true, now: Moment(date: Self.week, minutes: 7 * 60), stamp: stamp)
        let after = try #require(try h.state.db.timetables.timetable(week: Self.week)).bookings
        let changed = Set(before).symmetricDifference(Set(after))
        #expect(!changed.isEmpty)
        let folder = h.folder.appendingPathComponent("down")
        let down = TestRelay.freePort()
        let failed = try Postbox(db: h.state.db).deliver(
            now: h.clock.now, instant: Date(), rule: rule(down), transport: SendmailTransport(command: rule(down).sendmail))
        #expect(failed.sent == 0 && failed.failed > 0, "the relay is down: nothing sent, nothing lost")
        let waiting = try h.state.db.outbox.messages().filter { $0.sentAt == nil }.map(\.message.id)
        #expect(try Postbox(db: h.state.db).overview(by: .commandLine).failing.isEmpty, "one failure is not yet an alarm")
        for _ in 1..<OutboxStore.attemptsBeforeAlarm { try h.state.db.outbox.failed(waiting, error: "relay down", at: Date()) }
        #expect(try Postbox(db: h.state.db).overview(by: .commandLine).failing.count == waiting.count, "after 5 tries the leaders see them")
        let relay = try TestRelay(folder: folder, port: down)
        defer { relay.stop() }
        let early = try Postbox(db: h.state.db).deliver(
            now: h.clock.now, instant: Date(), rule: rule(down), transport: SendmailTransport(command: rule(down).sendmail))
        #expect(early.sent == 0, "a failed message waits for its next try")
        let later = try Postbox(db: h.state.db).deliver(
            now: h.clock.now, instant: Date().addingTimeInterval(3700), rule: rule(down), transport: SendmailTransport(command: rule(down).sendmail))
        #expect(later.sent == failed.failed && later.failed == 0)
        let mail = try relay.messages()
        let schools = Set(changed.map(\.school))
        let specialists = Set(changed.map(\.specialist))
        #expect(
            Set(mail.compactMap { $0.to.firstMatch(of: /senco-(\d+)@/).map { String($0.1) } }) == schools, "exactly the schools whose visits changed")
        #expect(Set(mail.compactMap { $0.to.firstMatch(of: /<([^@]+)@trust.example>/).map { String($0.1) } }) == specialists)
        #expect(mail.allSatisfy { $0.subject.contains("visits changed") })
    }
}

extension MailTests {
    /// A referral's decision goes to its school's SENCOs; someone who takes a daily digest gets
    /// the day's messages together at the digest time, not before.
    @Test func aDecisionReachesTheSchoolAndADigestWaitsForItsTime() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let people = People(db: h.state.db)
        let now = try people.add(
            PersonDetails(name: "Ann At-once", email: "ann@havant.example", roles: [.senco(school: Harness.schoolA)]), by: .commandLine, stamp: stamp)
        let later = try people.add(
            PersonDetails(name: "Dan Digest", email: "dan@havant.example", roles: [.senco(school: Harness.schoolA)], delivery: .dailyDigest),
            by: .commandLine, stamp: stamp)
        _ = try people.add(
            PersonDetails(name: "Other School", email: "o@kemnal.example", roles: [.senco(school: Harness.schoolB)]), by: .commandLine, stamp: stamp)
        let intake = ReferralIntake(db: h.state.db, config: h.state.config)
        for (n, severity) in [(1, 5), (2, 1)] {
            let fields: [(String, JSONValue)] = [
                ("school", .string(Harness.schoolA)), ("pupil_ref", .string("MAIL-\(n)")), ("year_group", .number(5)), ("service", .string("SALT")),
                ("area", .string("communication_interaction")), ("severity", .number(Double(severity))), ("apdr_cycles", .number(Double(3 - n))),
                ("consent", .bool(true)),
            ]
            _ = try intake.submit(fields, from: .caller(.commandLine), today: h.clock.now.date, stamp: stamp)
        }
        let relay = try TestRelay(folder: h.folder)
        defer { relay.stop() }
        let morning = Moment(date: Moment.london().date.adding(days: 1), minutes: 6 * 60)  // the messages were made today
        let first = try Postbox(db: h.state.db).deliver(
            now: morning, instant: Date(), rule: rule(relay.port), transport: SendmailTransport(command: rule(relay.port).sendmail))
        #expect(first.sent == 2 && first.held == 2, "Ann has both at once; Dan's wait for 07:00")
        let seven = Moment(date: morning.date, minutes: 7 * 60)
        let digest = try Postbox(db: h.state.db).deliver(
            now: seven, instant: Date(), rule: rule(relay.port), transport: SendmailTransport(command: rule(relay.port).sendmail))
        let states = try h.state.db.outbox.messages().map { "\($0.message.lastError ?? "-") \($0.sentAt ?? "-") \($0.message.createdAt)" }
        #expect(digest.sent == 2 && digest.held == 0, "\(digest) \(states)")
        let mail = try relay.messages()
        #expect(mail.filter { $0.to.contains("ann@") }.count == 2 && mail.filter { $0.to.contains("dan@") }.count == 1)
        #expect(mail.first { $0.to.contains("dan@") }?.subject == "Caseload: 2 changes since your last digest")
        #expect(!mail.contains { $0.to.contains("o@kemnal") }, "another school's SENCO hears nothing of it")
        #expect(mail.contains { $0.subject.contains("accepted") } && mail.contains { $0.subject.contains("declined") })
        _ = later
        _ = now
    }
}

extension MailTests {
    /// A draft waiting for review is announced on the trust's webhook once, with no pupil in it.
    @Test func aPlannedWeekIsAnnouncedOnTheWebhookOnceWithoutPupils() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        _ = try WeeklyScheduler(db: h.state.db, config: h.state.config, options: PlannerOptions(iterations: 60))
            .schedule(week: Self.week, replan: false, stamp: stamp)
        let file = h.folder.appendingPathComponent("hook.jsonl")
        let hook = try TestRelay(folder: h.folder, script: "hook.py", argument: file.path)
        defer { hook.stop() }
        let poster = WebhookPoster(db: h.state.db)
        #expect(try await poster.round(url: "http://127.0.0.1:\(hook.port)/hook", address: "https://caseload.trust.example") == 1)
        #expect(try await poster.round(url: "http://127.0.0.1:\(hook.port)/hook", address: "https://caseload.trust.example") == 0)
        let posted = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(posted.count == 1 && posted[0].contains("planned and waiting for your review") && posted[0].contains("/weeks?week=2026-11-30"))
        let pupils = try h.state.db.referrals.all().map(\.request.pupilRef)
        #expect(!pupils.contains { posted[0].contains($0) }, "a shared channel never gets a pupil's reference")
    }
}

/// `mail/relay.py` (aiosmtpd) on a loopback port until `stop()`, keeping messages in a Maildir
/// (or another script of `mail/` that says "ready PORT", such as the webhook receiver).
final class TestRelay: Sendable {
    let process: Process
    let port: Int
    let folder: URL

    /// One message as delivered.
    struct Message { let to: String, subject: String, messageId: String, body: String }

    init(folder: URL, port: Int? = nil, script name: String = "relay.py", argument: String? = nil, delay: Double? = nil) throws {
        self.folder = folder.appendingPathComponent("maildir")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = Repo.root.appendingPathComponent("Tests/CaseloadServerTests/mail/\(name)").path
        process.arguments =
            ["python3", script, argument ?? self.folder.path] + (port.map { ["\($0)"] } ?? delay.map { _ in ["0"] } ?? [])
            + (delay.map { ["\($0)"] } ?? [])
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        guard let m = line.firstMatch(of: /ready (\d+)/), let p = Int(m.1) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the test relay did not start: \(line)"])
        }
        self.port = p
    }

    /// A port nothing listens on (the relay "down").
    static func freePort() -> Int { Int.random(in: 40_000...60_000) }

    /// Every message in the Maildir.
    func messages() throws -> [Message] {
        let new = folder.appendingPathComponent("new")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []
        return try files.map { name in
            let text = try String(contentsOf: new.appendingPathComponent(name), encoding: .utf8)
            let parts = text.components(separatedBy: "\n\n")
            let head = parts[0].split(separator: "\n").map(String.init)
            let field = { (key: String) in head.first { $0.hasPrefix(key + ": ") }.map { String($0.dropFirst(key.count + 2)) } ?? "" }
            return Message(
                to: field("To"), subject: field("Subject"), messageId: field("Message-ID"), body: parts.dropFirst().joined(separator: "\n\n"))
        }
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
