import CaseloadCore
import CaseloadServer
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A leader's override from the API and the referral's page: set with its week and reason, read
/// back, removed; refused to a SENCO and for a week gone by.
@Suite struct OverrideAPITests {
    @Test func aLeaderSetsAndRemovesAnOverrideThroughTheAPI() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let r = try h.referral(of: Harness.schoolA)
        let uri = "/v1/referrals/\(r.id)/override"
        try await h.app.test(.router) { client in
            let senco = try await client.execute(
                uri: uri, method: .post, headers: headers(h.sencoA, json: true), body: body(#"{"reason": "ours first"}"#))
            #expect(senco.status == .forbidden)
            let past = try await client.execute(
                uri: uri, method: .post, headers: headers(h.leader, json: true), body: body(#"{"week": "2026-11-02", "reason": "late"}"#))
            let pastProblem = try problem(past)
            #expect(past.status == .unprocessableContent && pastProblem.field == "week")
            let blank = try await client.execute(
                uri: uri, method: .post, headers: headers(h.leader, json: true), body: body(#"{"week": "2026-12-09"}"#))
            let blankProblem = try problem(blank)
            #expect(blank.status == .unprocessableContent && blankProblem.field == "reason")
            let set = try await client.execute(
                uri: uri, method: .post, headers: headers(h.leader, json: true), body: body(#"{"week": "2026-12-09", "reason": "tribunal"}"#))
            #expect(set.status == .ok)
            let answer = try decode(OverrideDTO.self, set)
            #expect(answer.week == "2026-12-07" && answer.reason == "tribunal" && answer.referral == r.id)
            #expect(try await client.execute(uri: uri, method: .delete, headers: headers(h.leader)).status == .noContent)
            #expect(try await client.execute(uri: uri, method: .delete, headers: headers(h.leader)).status == .notFound)
        }
        #expect(try h.state.db.referrals.override(of: r.id) == nil)
    }

    @Test func theReferralsPageOffersItToALeaderOnly() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let r = try #require(try h.state.db.referrals.all(school: Harness.schoolA, statuses: [.waiting]).first)
        try await h.app.test(.router) { client in
            let leader = try await Browser.signIn(client, h.leader)
            let page = String(buffer: try await client.execute(uri: "/referrals/\(r.id)", method: .get, headers: leader.headers).body)
            #expect(page.contains("Put it first"))
            let (fh, fb) = leader.form([("week", ""), ("reason", "looked-after review")])
            let posted = try await client.execute(uri: "/referrals/\(r.id)/override", method: .post, headers: fh, body: fb)
            #expect(posted.status == .seeOther)
            let after = String(buffer: try await client.execute(uri: "/referrals/\(r.id)?done=override", method: .get, headers: leader.headers).body)
            #expect(after.contains("first claim on every week until it is booked") && after.contains("looked-after review"))
            let senco = try await Browser.signIn(client, h.sencoA)
            let theirs = String(buffer: try await client.execute(uri: "/referrals/\(r.id)", method: .get, headers: senco.headers).body)
            #expect(!theirs.contains("Put it first") && !theirs.contains("looked-after review"))
        }
    }
}
