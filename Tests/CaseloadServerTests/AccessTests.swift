import CaseloadCore
import CaseloadPlanner
import CaseloadServer
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AccessTests {
    @Test func healthIsPublicAndEverythingElseNeedsAToken() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            for uri in ["/v1/waitlist", "/v1/referrals", "/metrics", "/v1/openapi.yaml", "/v1/config"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .unauthorized)
                    #expect(r.headers[.contentType] == "application/problem+json")
                }
            }
            try await client.execute(uri: "/v1/waitlist", method: .get, headers: headers("cl_not-a-token")) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func sencoOfSchoolACannotSeeOrChangeSchoolB() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let theirs = try h.referral(of: Harness.schoolB)
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/referrals/\(theirs.id)", method: .get, headers: headers(h.sencoA)) { #expect($0.status == .notFound) }
            for action in ["withdraw", "hold", "reopen"] {
                try await client.execute(uri: "/v1/referrals/\(theirs.id)/\(action)", method: .post, headers: headers(h.sencoA)) {
                    #expect($0.status == .notFound)
                }
            }
            for uri in [
                "/v1/referrals?school=\(Harness.schoolB)", "/v1/waitlist?school=\(Harness.schoolB)",
                "/v1/timetables/2026-11-30?school=\(Harness.schoolB)",
            ] {
                try await client.execute(uri: uri, method: .get, headers: headers(h.sencoA)) { #expect($0.status == .notFound) }
            }
            let submit =
                #"{"school": "\#(Harness.schoolB)", "pupil_ref": "X-1", "year_group": 3, "service": "EP", "area": "semh", "severity": 3, "consent": true}"#
            try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoA, json: true), body: body(submit)) {
                #expect($0.status == .notFound)
            }
            for uri in ["/v1/referrals", "/v1/waitlist", "/v1/referrals?status=waiting"] {
                try await client.execute(uri: uri, method: .get, headers: headers(h.sencoA)) { r in
                    #expect(r.status == .ok)
                    let items = try decode(ListDTO<SchoolsItem>.self, r).items
                    #expect(!items.isEmpty && items.allSatisfy { $0.school == Harness.schoolA })
                }
            }
        }
        #expect(try h.state.db.referrals.all(school: Harness.schoolB).first == theirs)  // unchanged
    }

    @Test func rolesAreLimitedToTheirWork() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/timetables/2026-11-30", method: .post, headers: headers(h.sencoA)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/v1/config", method: .get, headers: headers(h.sencoA)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/v1/referrals", method: .get, headers: headers(h.specialist)) { #expect($0.status == .forbidden) }
            let planned = try await finishedTask(client, "/v1/timetables/2026-11-30", headers(h.leader))
            #expect((planned["result"] as? [String: Any])?["status"] as? String == "draft", "\(planned)")
            let id = try #require(planned["id"] as? Int)
            for token in [h.specialist, h.sencoA] {  // a leader's task is theirs alone
                try await client.execute(uri: "/v1/tasks/\(id)", method: .get, headers: headers(token)) { #expect($0.status == .forbidden) }
            }
            for token in [h.specialist, h.sencoA] {  // a draft belongs to leaders
                try await client.execute(uri: "/v1/timetables/2026-11-30", method: .get, headers: headers(token)) { #expect($0.status == .notFound) }
            }
            var draftICS = headers(h.leader)
            draftICS[.accept] = "text/calendar"
            try await client.execute(uri: "/v1/timetables/2026-11-30", method: .get, headers: draftICS) { r in
                #expect(String(buffer: r.body).contains("STATUS:TENTATIVE") && String(buffer: r.body).contains("SUMMARY:DRAFT: "))
            }
            try await client.execute(uri: "/v1/timetables/2026-11-30?format=csv", method: .get, headers: headers(h.leader)) { r in
                #expect(String(buffer: r.body).split(separator: "\r\n").dropFirst().allSatisfy { $0.hasSuffix(",draft") })
            }
            try await client.execute(uri: "/v1/timetables/2026-11-30", method: .get, headers: headers(h.leader)) {
                #expect(object($0)["status"] as? String == "draft")
            }
            try await client.execute(uri: "/v1/timetables/2026-11-30/publish", method: .post, headers: headers(h.leader)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/v1/timetables/2026-11-30?specialist=salt-4", method: .get, headers: headers(h.specialist)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/v1/timetables/2026-11-30", method: .get, headers: headers(h.specialist)) { r in
                #expect(r.status == .ok)
                let items = object(r)["items"] as? [[String: Any]] ?? []
                #expect(items.allSatisfy { $0["specialist"] as? String == "salt-3" })
            }
            var ics = headers(h.specialist)
            ics[.accept] = "text/calendar"
            try await client.execute(uri: "/v1/timetables/2026-11-30", method: .get, headers: ics) { r in
                #expect(r.headers[.contentType]?.hasPrefix("text/calendar") == true)
                #expect(String(buffer: r.body).hasPrefix("BEGIN:VCALENDAR"))
            }
            try await client.execute(uri: "/v1/timetables/2026-11-30/publish", method: .post, headers: headers(h.leader)) {
                #expect($0.status == .conflict)
            }
        }
        #expect(try h.state.db.auditLog(entity: "timetable").allSatisfy { $0.actor.hasSuffix("leader") })
    }
}

@Suite struct OpenAPIDocumentTests {
    /// The served document is the `openapi.yaml` kept beside the server's sources.
    @Test func servedDocumentIsTheCheckedInOne() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let file = try String(contentsOf: repoRoot.appendingPathComponent("Sources/CaseloadServer/openapi.yaml"), encoding: .utf8)
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/openapi.yaml", method: .get, headers: headers(h.leader)) { r in
                #expect(String(buffer: r.body) == file)
                #expect(r.headers[.contentType] == "application/yaml")
            }
        }
    }
}

@Suite struct SessionAPITests {
    /// A specialist records Monday's outcomes in one request, on or after Monday only, their own
    /// sessions only; a wrong one is corrected with a reason.
    @Test func specialistRecordsTheirDayAndCorrectsAMistake() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let week = CalendarDate("2026-11-30")!
        _ = try WeeklySchedulerHarness.publish(h, week)
        let t = try #require(try h.state.db.timetables.timetable(week: week))
        let mine = t.bookings.filter { $0.specialist == "salt-3" && $0.day == .mon }
        let theirs = try #require(t.bookings.first { $0.specialist != "salt-3" && $0.day == .mon })
        try #require(!mine.isEmpty)
        let day = "/v1/sessions/2026-11-30"
        let list = mine.map { #"{"referral": \#($0.referral), "outcome": "delivered"}"# }.joined(separator: ",")
        try await h.app.test(.router) { client in
            let send = { (token: String, json: String, path: String) async throws -> TestResponse in
                try await client.execute(uri: day + path, method: .post, headers: headers(token, json: true), body: body(json))
            }
            #expect(try await send(h.specialist, #"{"outcomes": [\#(list)]}"#, "/outcomes").status == .unprocessableContent)  // not yet
            h.clock.set("2026-11-30T16:00")
            #expect(try await send(h.sencoA, #"{"outcomes": [\#(list)]}"#, "/outcomes").status == .forbidden)
            let other = #"{"outcomes": [{"referral": \#(theirs.referral), "outcome": "delivered"}]}"#
            #expect(try await send(h.specialist, other, "/outcomes").status == .notFound)
            #expect(try await send(h.specialist, #"{"outcome": [\#(list)]}"#, "/outcomes").status == .unprocessableContent)  // typo
            let done = try await send(h.specialist, #"{"outcomes": [\#(list)]}"#, "/outcomes")
            #expect(done.status == .ok && object(done)["recorded"] as? Int == mine.count)
            #expect(try await send(h.specialist, #"{"outcomes": [\#(list)]}"#, "/outcomes").status == .unprocessableContent)  // again
            let fix = #"{"referral": \#(mine[0].referral), "outcome": "pupil_absent", "reason": "pupil was not in school"}"#
            #expect(try await send(h.specialist, fix, "/correction").status == .ok)
        }
        #expect(try h.state.db.timetables.timetable(week: week)?.outcomes[mine[0].referral] == .pupilAbsent)
        #expect(try h.state.db.auditLog(entity: "referral", id: "\(mine[0].referral)").last?.actor.contains("specialist:salt-3") == true)
    }
}

/// Plans and publishes a week through the same scheduler the server uses.
enum WeeklySchedulerHarness {
    static func publish(_ h: Harness, _ week: CalendarDate) throws -> Int {
        _ = try WeeklyScheduler(db: h.state.db, config: h.state.config, options: PlannerOptions(iterations: 60))
            .schedule(week: week, replan: false, stamp: stamp)
        return try h.state.db.timetables.publish(week: week, stamp: stamp)
    }
}

/// What every referral and waiting-list item says about whose it is.
struct SchoolsItem: Codable, Sendable { let school: String }
