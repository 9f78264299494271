import CaseloadCore
import CaseloadServer
import CaseloadService
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ReferralAPITests {
    @Test func sencoSubmitsAndFollowsAReferral() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            var id = 0
            try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoA, json: true), body: body(goodReferral)) { r in
                #expect(r.status == .created)
                let o = try decode(ReferralDTO.self, r)
                #expect(o.decision == "accepted" && o.school == Harness.schoolA && o.band == "routine")
                #expect(o.waiting?.estimatedFirstWeek != nil && o.waiting?.referral == o.id)
                id = Int(o.id)
            }
            try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoA, json: true), body: body(goodReferral)) {
                #expect($0.status == .conflict)
            }
            try await client.execute(
                uri: "/v1/referrals/\(id)/hold", method: .post, headers: headers(h.sencoA, json: true), body: body(#"{"note": "away"}"#)
            ) { r in
                let answer = try decode(ReferralDTO.self, r)
                #expect(answer.status == "on_hold")
            }
            try await client.execute(uri: "/v1/referrals/\(id)/hold", method: .post, headers: headers(h.sencoA)) { r in
                let p = try problem(r)
                #expect(r.status == .conflict && p.detail == "referral \(id) is already on_hold")
            }
            try await client.execute(uri: "/v1/referrals/99999", method: .get, headers: headers(h.leader)) { r in
                let p = try problem(r)
                #expect(r.status == .notFound && p.detail == "no referral 99999; list them with GET /v1/referrals")
            }
            try await client.execute(uri: "/v1/referrals/\(id)/reopen", method: .post, headers: headers(h.sencoA)) { #expect($0.status == .ok) }
        }
        let audit = try h.state.db.auditLog(entity: "referral").filter { $0.actor.contains("senco:\(Harness.schoolA)") }
        #expect(audit.map(\.action) == ["submit", "status", "status"])
    }

    @Test func declinedReferralSaysWhy() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let weak = #"{"pupil_ref": "H-9", "year_group": 8, "service": "EP", "area": "semh", "severity": 1, "consent": false}"#
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoA, json: true), body: body(weak)) { r in
                #expect(r.status == .created)
                let o = try decode(ReferralDTO.self, r)
                #expect(o.decision == "declined" && o.declineReasons.count == 3 && o.waiting == nil)
            }
        }
    }

    @Test func badRequestsGetTheRightStatusAndField() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoA, json: true), body: body("{not json")) { r in
                #expect(r.status == .badRequest)
                #expect(r.headers[.contentType] == "application/problem+json")
            }
            let name = goodReferral.replacingOccurrences(of: "H-2026-1", with: "Jane Smith")
            try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoA, json: true), body: body(name)) { r in
                #expect(r.status == .unprocessableContent)
                let answer = try problem(r)
                #expect(answer.field == "pupil_ref")
            }
            let big = #"{"pupil_ref": "H-1", "reason": ""# + String(repeating: "x", count: 70_000) + #""}"#
            try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoA, json: true), body: body(big)) {
                #expect($0.status == .contentTooLarge)
            }
            try await client.execute(uri: "/v1/referrals?status=lost", method: .get, headers: headers(h.sencoA)) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/v1/timetables/2026-12-01", method: .get, headers: headers(h.leader)) { #expect($0.status == .badRequest) }
        }
    }

    @Test func configUpdateWithOneBadValueChangesNothing() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let before = try String(contentsOfFile: h.state.configPath, encoding: .utf8)
        let bad = before.replacingOccurrences(of: "threshold: 30", with: "threshold: thirty")
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/config", method: .put, headers: headers(h.leader), body: body(bad)) { r in
                #expect(r.status == .unprocessableContent)
                let answer = try problem(r)
                #expect(answer.field == "services.EP.threshold")
            }
            #expect(try String(contentsOfFile: h.state.configPath, encoding: .utf8) == before)
            let good = before.replacingOccurrences(of: "threshold: 30", with: "threshold: 35")
            try await client.execute(uri: "/v1/config", method: .put, headers: headers(h.leader), body: body(good)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/config", method: .get, headers: headers(h.leader)) { r in
                #expect(String(buffer: r.body).contains("threshold: 35"))
            }
        }
        #expect(try h.state.db.auditLog(entity: "config").count == 1)
    }

    @Test func metricsCountRequestsAndWaitingLists() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/waitlist", method: .get, headers: headers(h.leader)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/referrals/99999", method: .get, headers: headers(h.leader)) { #expect($0.status == .notFound) }
            #expect(try await finishedTask(client, "/v1/timetables/2026-11-30", headers(h.leader))["state"] as? String == "done")
            try await client.execute(uri: "/metrics", method: .get, headers: headers(h.leader)) { r in
                let text = String(buffer: r.body)
                #expect(text.contains(#"caseload_http_requests_total{method="GET",route="/v1/waitlist",status="200"} 1"#), "\(text)")
                #expect(text.contains(#"caseload_http_requests_total{method="GET",route="/v1/referrals/{id}",status="404"} 1"#))
                #expect(text.contains(#"caseload_http_request_duration_seconds_bucket{method="GET",route="/v1/waitlist",le="+Inf"} 1"#))
                #expect(text.contains(#"caseload_waiting_referrals{service="SALT"}"#))
                #expect(text.contains(#"caseload_jobs_total{job="planning_the_week",outcome="ok"} 1"#))
                #expect(text.contains(#"caseload_job_duration_seconds_count{job="planning_the_week"} 1"#))
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString).txt")
                defer { try? FileManager.default.removeItem(at: file) }
                try text.write(to: file, atomically: true, encoding: .utf8)
                let (status, said) = try runTool(["sh", "-c", "promtool check metrics < '\(file.path)'"])
                #expect(status == 0, "promtool (Debian's prometheus package) rejects /metrics: \(String(decoding: said, as: UTF8.self))")
            }
        }
    }

    @Test func liveServerAnswersOverTCP() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.live) { client in
            try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoA, json: true), body: body(goodReferral)) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: "/v1/openapi.yaml", method: .get, headers: headers(h.sencoA)) { r in
                #expect(String(buffer: r.body).hasPrefix("openapi: 3.1.0"))
            }
        }
    }
}

@Suite struct SimulationAPITests {
    @Test func leaderSimulatesATermAndOthersCannot() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let strict = try String(contentsOfFile: h.state.configPath, encoding: .utf8).replacingOccurrences(of: "threshold: 25", with: "threshold: 45")
        let payload = try JSONSerialization.data(withJSONObject: ["weeks": 2, "seed": 3, "alt_config": strict])
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/simulations", method: .post, headers: headers(h.sencoA, json: true), body: ByteBuffer(bytes: payload))
            { #expect($0.status == .forbidden) }
            do {
                let task = try await finishedTask(client, "/v1/simulations", headers(h.leader, json: true), body: ByteBuffer(bytes: payload))
                let o = task["result"] as? [String: Any] ?? [:]
                #expect((o["weeks"] as? [Any])?.count == 2)
                #expect((o["html"] as? String)?.contains("<svg") == true)
                #expect(!((o["summary"] as? [String]) ?? []).isEmpty)
            }
            try await client.execute(uri: "/v1/simulations", method: .post, headers: headers(h.leader, json: true), body: body(#"{"weeks": 99}"#)) {
                r in
                #expect(r.status == .unprocessableContent)
                let answer = try problem(r)
                #expect(answer.field == "weeks")
            }
        }
    }
}

@Suite struct ReferralUpdateAPITests {
    /// A SENCO corrects their own waiting referral; another school's is a 404; fields that cannot
    /// change and unknown ones are 422s naming the field, with nothing written.
    @Test func sencoCorrectsTheirOwnReferral() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let ours = try #require(try h.state.db.referrals.all(school: Harness.schoolA, statuses: [.waiting]).first)
        let theirs = try #require(try h.state.db.referrals.all(school: Harness.schoolB, statuses: [.waiting]).first)
        try await h.app.test(.router) { client in
            let patch = { (token: String, id: Int64, json: String) async throws -> TestResponse in
                try await client.execute(uri: "/v1/referrals/\(id)", method: .patch, headers: headers(token, json: true), body: body(json))
            }
            #expect(try await patch(h.sencoA, theirs.id, #"{"severity": 5}"#).status == .notFound)
            for (json, field) in [
                (#"{"received_on": "2020-01-01"}"#, "received_on"), (#"{"flag": ["safeguarding"]}"#, "flag"),
                (#"{"preferred_days": ["sat"]}"#, "preferred_days"),
            ] {
                let r = try await patch(h.sencoA, ours.id, json)
                let answer = try problem(r)
                #expect(r.status == .unprocessableContent && answer.field == field, "\(json)")
            }
            #expect(try h.state.db.referrals.find(ours.id) == ours)
            let r = try await patch(h.sencoA, ours.id, #"{"preferred_days": ["wed"], "note": "Wednesdays suit the pupil"}"#)
            #expect(r.status == .ok)
            let changed = try decode(ReferralDTO.self, r)
            #expect(changed.preferredDays == ["wed"] && changed.waiting?.priorityBreakdown != nil)
        }
        #expect(try h.state.db.auditLog(entity: "referral", id: "\(ours.id)").last?.detail.contains("Wednesdays") == true)
    }
}
