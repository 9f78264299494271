import CaseloadCore
import CaseloadServer
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
                try await client.execute(uri: "/v1/referrals/\(theirs.id)/\(action)", method: .post, headers: headers(h.sencoA)) { #expect($0.status == .notFound) }
            }
            for uri in ["/v1/referrals?school=\(Harness.schoolB)", "/v1/waitlist?school=\(Harness.schoolB)",
                        "/v1/timetables/2026-11-30?school=\(Harness.schoolB)"] {
                try await client.execute(uri: uri, method: .get, headers: headers(h.sencoA)) { #expect($0.status == .notFound) }
            }
            let submit = #"{"school": "\#(Harness.schoolB)", "pupil_ref": "X-1", "year_group": 3, "service": "EP", "area": "semh", "severity": 3, "consent": true}"#
            try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoA, json: true), body: body(submit)) { #expect($0.status == .notFound) }
            for uri in ["/v1/referrals", "/v1/waitlist", "/v1/referrals?status=waiting"] {
                try await client.execute(uri: uri, method: .get, headers: headers(h.sencoA)) { r in
                    #expect(r.status == .ok)
                    let items = object(r)["items"] as? [[String: Any]] ?? []
                    #expect(!items.isEmpty)
                    #expect(items.allSatisfy { $0["school"] as? String == Harness.schoolA })
                }
            }
        }
        #expect(try h.state.db.referrals(school: Harness.schoolB).first == theirs)   // unchanged
    }

    @Test func rolesAreLimitedToTheirWork() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/timetables/2026-11-30", method: .post, headers: headers(h.sencoA)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/v1/config", method: .get, headers: headers(h.sencoA)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/v1/referrals", method: .get, headers: headers(h.specialist)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/v1/timetables/2026-11-30", method: .post, headers: headers(h.leader)) { r in
                #expect(r.status == .ok)
                #expect(object(r)["status"] as? String == "draft")
            }
            try await client.execute(uri: "/v1/timetables/2026-11-30?specialist=salt-4", method: .get, headers: headers(h.specialist)) { #expect($0.status == .notFound) }
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
            try await client.execute(uri: "/v1/timetables/2026-11-30/publish", method: .post, headers: headers(h.leader)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/timetables/2026-11-30/publish", method: .post, headers: headers(h.leader)) { #expect($0.status == .conflict) }
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
