import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CaseloadServer

/// Heavy work as tasks (issue 26): planning answers `202 Accepted` with the task's address, the
/// task's result is the week as stored, the page follows it and survives a reload, a stopped
/// server's unfinished task says so; a leader can hold a draft back from automatic publishing;
/// the leaders hear once about an urgent referral that will miss its target.
@Suite struct TaskTests {
    static let week = CalendarDate("2026-11-30")!

    @Test func planningAWeekAnswersATaskWhoseResultIsTheStoredWeek() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let gate = await holdHeavyWork(h)  // the task waits while the second request comes
        defer { gate.signal() }  // never leave the queue blocked, whatever fails
        try await h.app.test(.router) { client in
            let first = try await client.execute(uri: "/v1/timetables/2026-11-30", method: .post, headers: headers(h.leader))
            let again = try await client.execute(uri: "/v1/timetables/2026-11-30", method: .post, headers: headers(h.leader))
            gate.signal()
            #expect(first.status == .accepted && again.status == .accepted)
            let address = try #require(first.headers[.location])
            #expect(address.hasPrefix("/v1/tasks/") && first.headers[.retryAfter] != nil)
            #expect(again.headers[.location] == address, "a second request while the first runs answers the same task")
            let done = try await followTask(client, address, headers(h.leader))
            let result = try #require(done["result"] as? [String: Any], "\(done)")
            let stored = try #require(try h.state.db.timetables.timetable(week: Self.week))
            #expect(done["state"] as? String == "done" && done["kind"] as? String == "plan")
            #expect(result["week"] as? String == "2026-11-30" && result["status"] as? String == "draft")
            #expect(result["bookings"] as? Int == stored.bookings.count && result["unbooked"] as? Int == stored.unbooked.count)
            try await client.execute(uri: address, method: .get, headers: headers(h.leader)) { #expect(object($0)["state"] as? String == "done") }
            try await client.execute(uri: "/v1/tasks/999", method: .get, headers: headers(h.leader)) { #expect($0.status == .notFound) }
        }
        #expect(try h.state.db.tasks.task(2) == nil, "two requests, one task")
    }

    @Test func aWeekThatCannotBePlannedIsRefusedAtOnceWithNoTask() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/timetables/2026-12-21", method: .post, headers: headers(h.leader)) { #expect($0.status == .conflict) }
            try await client.execute(uri: "/v1/timetables/2026-12-01", method: .post, headers: headers(h.leader)) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/v1/timetables/2026-11-30?replan=true&confirm=true", method: .post, headers: headers(h.leader)) {
                #expect($0.status == .conflict)  // not published: nothing to re-plan
            }
        }
        #expect(try h.state.db.tasks.task(1) == nil)
    }

    @Test func thePageFollowsTheTaskAndAReloadFindsIt() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let gate = await holdHeavyWork(h)  // the task must wait its turn
        defer { gate.signal() }  // never leave the queue blocked, whatever fails
        try await h.app.test(.router) { client in
            let leader = try await Browser.signIn(client, h.leader)
            let (fh, fb) = leader.form([("week", "2026-11-30")])
            let sent = try await client.execute(uri: "/weeks/generate", method: .post, headers: fh, body: fb)
            let (fh2, fb2) = leader.form([("week", "2026-11-30")])
            let twice = try await client.execute(uri: "/weeks/generate", method: .post, headers: fh2, body: fb2)
            #expect(twice.headers[.location] == sent.headers[.location], "two clicks, one task")
            let address = try #require(sent.headers[.location])
            let waiting = try await client.execute(uri: address, method: .get, headers: leader.headers)
            let text = String(buffer: waiting.body)
            #expect(waiting.headers[HTTPField.Name("Refresh")!] == "3" && waiting.headers[.cacheControl] == "no-store")
            #expect(text.contains("Planning the week of Mon 30 Nov: waiting for other work to finish"), "\(text)")
            let school = try await Browser.signIn(client, h.sencoA)
            try await client.execute(uri: address, method: .get, headers: school.headers) { #expect($0.status == .forbidden) }
            gate.signal()
            let done = try await followTaskPage(client, sent, leader.headers)
            #expect(done.status == .seeOther && done.headers[.location] == "/weeks?week=2026-11-30&done=planned")
            let reload = try await client.execute(uri: address, method: .get, headers: leader.headers)
            #expect(reload.headers[.location] == done.headers[.location], "a reload after the end finds the same result")
        }
    }

    /// A stored result this version cannot read (from an older or newer Caseload) is said on the
    /// task's page, naming the task, rather than ending in the server's error page.
    @Test func aResultThatCannotBeReadIsSaidOnTheTasksPage() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let (task, _) = try h.state.db.tasks.start(.plan, key: "week 2026-11-30", about: "Planning the week", expectedSeconds: 5, stamp: stamp)
        try h.state.db.tasks.begin(task.id, at: Date())
        try h.state.db.tasks.finish(task.id, result: .success("{\"weeks\": [1, 2]}"), at: Date())
        try await h.app.test(.router) { client in
            let leader = try await Browser.signIn(client, h.leader)
            let page = try await client.execute(uri: "/tasks/\(task.id)", method: .get, headers: leader.headers)
            let text = String(buffer: page.body)
            #expect(page.status == .ok && text.contains("task \(task.id)") && text.contains("start the work again"), "\(text)")
            #expect(text.contains("/weeks?week=2026-11-30"), "with the way back to the week")
        }
    }

    @Test func aTaskAStoppedServerLeftUnfinishedSaysSoWhenItStartsAgain() throws {
        let h = try Harness()
        defer { h.cleanup() }
        let (task, started) = try h.state.db.tasks.start(.plan, key: "week 2026-11-30", about: "Planning", expectedSeconds: 5, stamp: stamp)
        try h.state.db.tasks.begin(task.id, at: Date())
        #expect(started)
        _ = try ServerState(db: h.state.db, configPath: h.state.configPath)  // the server starts again over the same file
        let after = try #require(try h.state.db.tasks.task(task.id))
        #expect(after.state == .failed && after.problem?.contains("start it again") == true)
        #expect(try h.state.db.tasks.start(.plan, key: "week 2026-11-30", about: "Planning", expectedSeconds: 5, stamp: stamp).started)
    }

    @Test func aLeaderHoldsADraftBackAndLetsItGo() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/timetables/2026-11-30/hold", method: .post, headers: headers(h.leader, json: true), body: body(#"{"reason": "x"}"#)
            ) {
                #expect($0.status == .conflict, "no draft yet")
            }
            _ = try await finishedTask(client, "/v1/timetables/2026-11-30", headers(h.leader))
            try await client.execute(
                uri: "/v1/timetables/2026-11-30/hold", method: .post, headers: headers(h.leader, json: true), body: body(#"{"reason": " "}"#)
            ) {
                #expect($0.status == .unprocessableContent && (try? problem($0).field) == "reason")
            }
            try await client.execute(
                uri: "/v1/timetables/2026-11-30/hold", method: .post, headers: headers(h.sencoA, json: true), body: body(#"{"reason": "no"}"#)
            ) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(
                uri: "/v1/timetables/2026-11-30/hold", method: .post, headers: headers(h.leader, json: true),
                body: body(#"{"reason": "EP rota changes on Monday"}"#)
            ) { #expect($0.status == .noContent) }
            #expect(try h.state.db.timetables.hold(week: Self.week)?.reason == "EP rota changes on Monday")
            try await client.execute(uri: "/v1/timetables/2026-11-30/hold", method: .delete, headers: headers(h.leader)) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/v1/timetables/2026-11-30/hold", method: .delete, headers: headers(h.leader)) {
                #expect($0.status == .notFound)
            }
        }
        #expect(try h.state.db.timetables.hold(week: Self.week) == nil)
        try await h.app.test(.router) { client in  // the same from the week's page
            let leader = try await Browser.signIn(client, h.leader)
            let (fh, fb) = leader.form([("week", "2026-11-30"), ("reason", "waiting for the new rota")])
            let held = try await client.execute(uri: "/weeks/hold", method: .post, headers: fh, body: fb)
            #expect(held.headers[.location] == "/weeks?week=2026-11-30&done=held")
            let page = String(buffer: try await client.execute(uri: "/weeks?week=2026-11-30", method: .get, headers: leader.headers).body)
            #expect(page.contains("Held back from automatic publishing") && page.contains("waiting for the new rota"))
            let (rh, rb) = leader.form([("week", "2026-11-30")])
            #expect(
                try await client.execute(uri: "/weeks/release", method: .post, headers: rh, body: rb).headers[.location]?.hasSuffix("done=released")
                    == true)
        }
        #expect(try h.state.db.timetables.hold(week: Self.week) == nil)
        #expect(
            try h.state.db.auditLog(entity: "timetable").map(\.action).filter { ["hold", "release"].contains($0) } == [
                "hold", "release", "hold", "release",
            ])
    }

    @Test func theLeadersHearOnceOfEachUrgentReferralThatWillMissItsTarget() throws {
        let h = try Harness()
        defer { h.cleanup() }
        h.clock.set("2027-02-01T09:00")  // months on: the urgent referrals still waiting are past their targets
        let lee = try People(db: h.state.db).add(
            PersonDetails(name: "Lee Grant", email: "lee@trust.example", roles: [.leader]), by: .commandLine, stamp: stamp)
        let names = try h.state.db.roster.schoolNames()
        var late: [LateReferral] = []
        for service in h.state.config.services.map(\.code) {
            late += h.state.config.urgency.late(try h.state.waiting.list(service: service, school: nil, state: h.state), schools: names)
        }
        #expect(!late.isEmpty, "the demo trust has urgent referrals waiting")
        LateWatch(state: h.state).check()
        LateWatch(state: h.state).check()
        let told = try h.state.db.outbox.messages(to: lee.id).map(\.message).filter { $0.kind == "will_miss_target" }
        #expect(told.count == 1, "one message, once")
        let body = try #require(told.first?.notice.body)
        for l in late { #expect(body.contains("referral \(l.referral) (")) }
        for r in try h.state.db.referrals.all() { #expect(!body.contains(r.request.pupilRef), "no pupil reference") }
    }
}

/// Holds the heavy-work queue until the returned gate is signalled, so tasks started meanwhile
/// wait their turn; returns once the queue is held (a continuation, no blocked test thread).
func holdHeavyWork(_ h: Harness) async -> DispatchSemaphore {
    let gate = DispatchSemaphore(value: 0)
    await withCheckedContinuation { (held: CheckedContinuation<Void, Never>) in
        Task {
            try await h.state.heavy.inTurn("other work") {
                held.resume()
                gate.wait()
            }
        }
    }
    return gate
}
