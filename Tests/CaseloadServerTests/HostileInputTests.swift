import CaseloadCore
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import CaseloadServer

/// A table of what a careless or hostile caller may send, each with the answer expected and a
/// check that nothing was written.
@Suite struct HostileInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String, method: HTTPRequest.Method = .post, uri: String = "/v1/referrals", role: String = "senco"
        var body: String, status: HTTPResponse.Status, field: String?
        var description: String { name }
    }

    static func referral(_ extra: String) -> String {
        #"{"pupil_ref": "H-9", "year_group": 8, "service": "SALT", "area": "semh", "severity": 4, "apdr_cycles": 1, "consent": true\#(extra)}"#
    }

    static let cases: [Case] = [
        Case(
            name: "SENCO back-dates receipt", body: referral(#", "received_on": "2026-01-05""#), status: .unprocessableContent, field: "received_on"),
        Case(name: "year 1 receipt", body: referral(#", "received_on": "0001-01-01""#), status: .unprocessableContent, field: "received_on"),
        Case(name: "signed year", body: referral(#", "received_on": "+026-11-30""#), status: .unprocessableContent, field: "received_on"),
        Case(
            name: "leader back-dates past the limit", role: "leader",
            body: referral(#", "school": "136156", "received_on": "2026-06-01""#), status: .unprocessableContent, field: "received_on"),
        Case(
            name: "name as reference",
            body: #"{"pupil_ref": "Jane-Doe", "year_group": 8, "service": "SALT", "area": "semh", "severity": 4, "consent": true}"#,
            status: .unprocessableContent, field: "pupil_ref"),
        Case(
            name: "superscript digit",
            body: #"{"pupil_ref": "Jane²", "year_group": 8, "service": "SALT", "area": "semh", "severity": 4, "consent": true}"#,
            status: .unprocessableContent, field: "pupil_ref"),
        Case(name: "typo drops a flag", body: referral(#", "flag": ["safeguarding"]"#), status: .unprocessableContent, field: "flag"),
        Case(
            name: "unknown service",
            body: #"{"pupil_ref": "H-9", "year_group": 8, "service": "ASTROLOGY", "area": "semh", "severity": 4, "consent": true}"#,
            status: .unprocessableContent, field: "service"),
        Case(
            name: "unknown pathway", body: referral(#", "pathway": "a very long free text pathway""#), status: .unprocessableContent, field: "pathway"
        ),
        Case(name: "Saturday", body: referral(#", "preferred_days": ["sat"]"#), status: .unprocessableContent, field: "preferred_days"),
        Case(name: "monkey", body: referral(#", "preferred_days": ["monkey"]"#), status: .unprocessableContent, field: "preferred_days"),
        Case(name: "not JSON", body: "{pupil_ref: H-9", status: .badRequest, field: nil),
        Case(
            name: "alias bomb settings", method: .put, uri: "/v1/config", role: "leader",
            body: """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                """, status: .unprocessableContent, field: "config"),
    ]

    @Test(arguments: cases)
    func refusedWithNothingWritten(_ c: Case) async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let before = try h.state.db.referrals.all().count
        let audit = try h.state.db.auditLog().count
        let config = h.state.configText
        try await h.app.test(.router) { client in
            let token = c.role == "leader" ? h.leader : h.sencoA
            try await client.execute(uri: c.uri, method: c.method, headers: headers(token, json: true), body: body(c.body)) { r in
                #expect(r.status == c.status, "\(String(buffer: r.body))")
                if let field = c.field { #expect((object(r)["field"] as? String)?.hasSuffix(field) == true, "\(String(buffer: r.body))") }
            }
        }
        #expect(try h.state.db.referrals.all().count == before)
        #expect(try h.state.db.auditLog().count == audit)
        #expect(h.state.configText == config)
    }

    @Test func settingsWithATypoNameTheNearestKey() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let typo = h.state.configText.replacingOccurrences(of: "ageing_points_per_week", with: "ageing_point_per_week")
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/config", method: .put, headers: headers(h.leader), body: body(typo)) { r in
                #expect(r.status == .unprocessableContent)
                #expect(String(buffer: r.body).contains("did you mean \\\"ageing_points_per_week\\\""))
            }
            try await client.execute(uri: "/v1/config", method: .put, headers: headers(h.leader), body: ByteBuffer(bytes: [0x74, 0x72, 0xff, 0xfe])) {
                r in
                #expect(r.status == .unprocessableContent)
            }
        }
    }

    @Test func statusChangesReadTheirBodyStrictly() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let ours = try #require(try h.state.db.referrals.all(school: Harness.schoolA, statuses: [.waiting]).first)
        try await h.app.test(.router) { client in
            let uri = "/v1/referrals/\(ours.id)/hold"
            try await client.execute(uri: uri, method: .post, headers: headers(h.sencoA, json: true), body: body("{not json")) {
                #expect($0.status == .badRequest)
            }
            let long = #"{"note": "\#(String(repeating: "x", count: 501))"}"#
            try await client.execute(uri: uri, method: .post, headers: headers(h.sencoA, json: true), body: body(long)) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(uri: uri, method: .post, headers: headers(h.sencoA, json: true), body: body(#"{"note": "x", "status": "x"}"#)) {
                #expect($0.status == .unprocessableContent)
            }
        }
        #expect(try h.state.db.referrals.find(ours.id).status == .waiting)
    }

    @Test func tokensAnswerAsTheStandardsSay() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let expired = try h.state.db.access.createToken(
            role: .leader, label: "old", days: 1, stamp: Stamp(actor: "test", at: Date(timeIntervalSinceNow: -2 * 86_400)))
        let missing = try h.state.db.referrals.all().map(\.id).max()! + 1000
        let theirs = try h.referral(of: Harness.schoolB)
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/waitlist", method: .get) { r in
                #expect(r.status == .unauthorized && r.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
            try await client.execute(uri: "/v1/waitlist", method: .get, headers: headers(expired.secret)) { #expect($0.status == .unauthorized) }
            var lower = HTTPFields()
            lower[.authorization] = "bearer \(h.sencoA)"
            try await client.execute(uri: "/v1/waitlist", method: .get, headers: lower) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.cacheControl] == "no-store" && r.headers[.init("X-Content-Type-Options")!] == "nosniff")
            }
            var answers: [String] = []
            for id in [missing, theirs.id] {
                try await client.execute(uri: "/v1/referrals/\(id)", method: .get, headers: headers(h.sencoA)) { r in
                    #expect(r.status == .notFound)
                    answers.append((object(r)["detail"] as? String ?? "").replacingOccurrences(of: "\(id)", with: "N"))
                }
            }
            #expect(answers[0] == answers[1])
        }
    }

    @Test func healthSaysWhenTheDatabaseFileIsGone() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try FileManager.default.removeItem(at: h.folder.appendingPathComponent("api.sqlite"))
            try await client.execute(uri: "/health", method: .get) { r in
                #expect(r.status == .serviceUnavailable)
                #expect((object(r)["detail"] as? String)?.contains("is gone") == true)
                #expect(r.headers[.init("X-Request-Id")!] != nil)
            }
        }
    }

    @Test func aTokenThatWritesTooFastIsToldToWait() async throws {
        let h = try Harness(writesPerMinute: 1, writeBurst: 3)  // one more a minute: none refills during the test
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for k in 0..<5 {
                let json = goodReferral.replacingOccurrences(of: "H-2026-1", with: "R-\(k)")
                try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoA, json: true), body: body(json)) { r in
                    statuses.append(r.status)
                    if r.status == .tooManyRequests { #expect(Int(r.headers[.retryAfter] ?? "") ?? 0 >= 1) }
                }
            }
            #expect(statuses == [.created, .created, .created, .tooManyRequests, .tooManyRequests])
            try await client.execute(uri: "/v1/waitlist", method: .get, headers: headers(h.sencoA)) { #expect($0.status == .ok) }  // reads go on
            try await client.execute(uri: "/v1/referrals", method: .post, headers: headers(h.sencoB, json: true), body: body(goodReferral)) {
                #expect($0.status == .created)  // another token is not held up
            }
        }
    }

    @Test func theWriteBucketRefillsAtItsRate() {
        let limiter = WriteLimiter(perMinute: 6, burst: 2)
        let t0 = ContinuousClock.now
        #expect(limiter.take("k1", now: t0) == nil && limiter.take("k1", now: t0) == nil)
        #expect(limiter.take("k1", now: t0) == 10)  // one write every 10 s
        #expect(limiter.take("k2", now: t0) == nil)  // another token has its own bucket
        #expect(limiter.take("k1", now: t0 + .seconds(4)) == 6)
        #expect(limiter.take("k1", now: t0 + .seconds(10)) == nil)
        #expect(WriteLimiter(perMinute: 0, burst: 1).take("k1", now: t0) == nil)  // 0: no limit
    }

    /// Heavy work is a task: the request answers `202 Accepted` with the task's address at once;
    /// the same request again (a second click) answers the same task, other work gets its own and
    /// waits its turn, and /health answers meanwhile.
    @Test func heavyWorkIsATaskAndTwoClicksStartOne() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let payload = #"{"weeks": 3, "seed": 2}"#
        let gate = await holdHeavyWork(h)  // the tasks wait while the requests come
        defer { gate.signal() }  // never leave the queue blocked, whatever fails
        try await h.app.test(.router) { client in
            var addresses: [String] = []
            for text in [payload, payload, #"{"weeks": 2, "seed": 2}"#] {
                let r = try await client.execute(uri: "/v1/simulations", method: .post, headers: headers(h.leader, json: true), body: body(text))
                #expect(r.status == .accepted && ["waiting", "running"].contains(object(r)["state"] as? String), "\(String(buffer: r.body))")
                addresses.append(try #require(r.headers[.location]))
            }
            #expect(addresses[0] == addresses[1] && addresses[0] != addresses[2], "\(addresses)")
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            gate.signal()
            for address in [addresses[0], addresses[2]] {
                let done = try await followTask(client, address, headers(h.leader))
                #expect(done["state"] as? String == "done", "\(done)")
                #expect(((done["result"] as? [String: Any])?["weeks"] as? [Any])?.isEmpty == false)
            }
        }
        #expect(try h.state.db.tasks.task(2)?.kind == .whatIf && h.state.db.tasks.task(3) == nil, "two tasks, not three")
    }
}

@Suite struct PagingTests {
    @Test func everyListAnswersAPageAndTheTotal() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let all = try h.state.db.referrals.all().count
        let ours = try h.state.db.referrals.all(school: Harness.schoolA).count
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/referrals?per_page=10&page=2", method: .get, headers: headers(h.leader)) { r in
                let o = object(r)
                #expect((o["items"] as? [Any])?.count == 10 && o["total"] as? Int == all && o["page"] as? Int == 2 && o["per_page"] as? Int == 10)
                #expect(((o["items"] as? [[String: Any]])?.first?["id"] as? Int64).map { $0 > 10 } ?? true)
            }
            try await client.execute(uri: "/v1/referrals", method: .get, headers: headers(h.sencoA)) { r in
                #expect(object(r)["total"] as? Int == ours && (object(r)["items"] as? [Any])?.count == min(ours, 100))
            }
            try await client.execute(uri: "/v1/waitlist?service=EP&per_page=5", method: .get, headers: headers(h.leader)) { r in
                #expect((object(r)["items"] as? [Any])?.count == 5 && (object(r)["total"] as? Int ?? 0) > 5)
            }
            for bad in ["page=0", "per_page=501", "page=x"] {
                try await client.execute(uri: "/v1/referrals?\(bad)", method: .get, headers: headers(h.leader)) { #expect($0.status == .badRequest) }
            }
        }
    }
}
