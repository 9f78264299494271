import CaseloadCore
import CaseloadServer
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The write limit covers the pages as it covers the API; every answer carries the security
/// headers, sign-in and errors included; the metrics are for leaders and monitoring keys only.
@Suite struct WebLimitsTests {
    /// 90 posts in a burst against a limit of 60 (refilling at one a minute, so that a slow
    /// machine cannot refill the bucket meanwhile).
    @Test func ninetyFormPostsInABurstMeetA429PageWithRetryAfter() async throws {
        let h = try Harness(writesPerMinute: 1, writeBurst: 60)
        defer { h.cleanup() }
        let referral = try #require(try h.state.db.referrals.all(school: Harness.schoolA, statuses: [.waiting]).first)
        try await h.app.test(.router) { client in
            let browser = try await Browser.signIn(client, h.sencoA)
            let started = ContinuousClock.now
            var statuses: [HTTPResponse.Status] = []
            var refusal: TestResponse?
            for n in 0..<90 {
                let (fh, fb) = browser.form([("note", "try \(n)")])
                let change = n.isMultiple(of: 2) ? "hold" : "reopen"
                let response = try await client.execute(uri: "/referrals/\(referral.id)/\(change)", method: .post, headers: fh, body: fb)
                statuses.append(response.status)
                if response.status == .tooManyRequests, refusal == nil { refusal = response }
            }
            #expect(statuses.prefix(60).allSatisfy { $0 == .seeOther }, "\(statuses.map(\.code))")
            let page = try #require(refusal)
            #expect(Int(page.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: page.body).contains("try again"))
            let refilled = Int((ContinuousClock.now - started).components.seconds / 60) + 1
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 30 - refilled)
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            var form = HTTPFields()
            form[.contentType] = "application/x-www-form-urlencoded"
            let answers = [
                try await client.execute(uri: "/signin", method: .get),
                try await client.execute(uri: "/signin", method: .post, headers: form, body: ByteBuffer(string: "token=wrong")),
                try await client.execute(uri: "/no-such-page", method: .get),
                try await client.execute(uri: "/v1/referrals", method: .get),
                try await client.execute(uri: "/health", method: .get),
            ]
            for answer in answers {
                #expect(answer.headers[.init("X-Frame-Options")!] == "DENY", "\(answer.status)")
                #expect(answer.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(answer.headers[.init("X-Content-Type-Options")!] == "nosniff")
                #expect(answer.headers[.cacheControl] == "no-store")
            }
            let css = try await client.execute(uri: "/static/caseload.css", method: .get)  // FileMiddleware, cached an hour
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(css.headers[.cacheControl] == "max-age=3600" && css.headers[.init("X-Frame-Options")!] == "DENY")
            let outside = try await client.execute(uri: "/static/../Templates/top.mustache", method: .get)
            #expect(!String(buffer: outside.body).contains("{{"), "\(outside.status)")
        }
    }

    @Test func metricsAreForLeadersAndMonitoringKeysOnly() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let monitor = try h.state.db.access.createToken(role: .monitor, label: "prometheus", stamp: testStamp).secret
        try await h.app.test(.router) { client in
            let expected: [(String, HTTPResponse.Status)] = [(h.sencoA, .forbidden), (h.specialist, .forbidden), (h.leader, .ok), (monitor, .ok)]
            for (token, status) in expected {
                let answer = try await client.execute(uri: "/metrics", method: .get, headers: headers(token))
                #expect(answer.status == status)
            }
            let anonymous = try await client.execute(uri: "/metrics", method: .get)
            #expect(anonymous.status == .unauthorized)
            let elsewhere = try await client.execute(uri: "/v1/referrals", method: .get, headers: headers(monitor))
            #expect(elsewhere.status == .forbidden)
        }
    }
}
