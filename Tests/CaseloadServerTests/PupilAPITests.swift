import CaseloadCore
import CaseloadServer
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A subject access request and an erasure over HTTP: leaders only; afterwards the school's own
/// listing, the referral and the export no longer hold the pupil's reference.
@Suite struct PupilAPITests {
    @Test func onlyALeaderExportsAndErasesAndThenNothingFindsThePupil() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let r = try #require(try h.state.db.referrals.all(school: Harness.schoolA, statuses: [.waiting]).first)
        let who = #"{"school":"\#(Harness.schoolA)","pupil_ref":"\#(r.request.pupilRef)"}"#
        let erase = #"{"school":"\#(Harness.schoolA)","pupil_ref":"\#(r.request.pupilRef)","reason":"parent's request"}"#
        try await h.app.test(.router) { client in
            for token in [h.sencoA, h.specialist] {
                try await client.execute(uri: "/v1/pupils/export", method: .post, headers: headers(token, json: true), body: body(who)) {
                    #expect($0.status == .forbidden)
                }
                try await client.execute(uri: "/v1/pupils/erase", method: .post, headers: headers(token, json: true), body: body(erase)) {
                    #expect($0.status == .forbidden)
                }
            }
            try await client.execute(uri: "/v1/pupils/export", method: .post, headers: headers(h.leader, json: true), body: body(who)) { res in
                #expect(res.status == .ok && String(buffer: res.body).contains("\"id\":\(r.id)"))
            }
            try await client.execute(uri: "/v1/pupils/erase", method: .post, headers: headers(h.leader, json: true), body: body(erase)) {
                #expect($0.status == .conflict, "a waiting referral is withdrawn first")
            }
            try await client.execute(
                uri: "/v1/referrals/\(r.id)/withdraw", method: .post, headers: headers(h.leader, json: true), body: body(#"{"note":"erasure"}"#)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/pupils/erase", method: .post, headers: headers(h.leader, json: true), body: body(erase)) {
                #expect($0.status == .ok && String(buffer: $0.body).contains("\(r.id)"))
            }
            try await client.execute(uri: "/v1/pupils/export", method: .post, headers: headers(h.leader, json: true), body: body(who)) {
                #expect($0.status == .notFound)
            }
            for uri in ["/v1/referrals?limit=500", "/v1/referrals/\(r.id)"] {
                try await client.execute(uri: uri, method: .get, headers: headers(h.sencoA)) { res in
                    #expect(res.status == .ok && !String(buffer: res.body).contains(r.request.pupilRef), "\(uri)")
                }
            }
        }
        #expect(!(try h.state.db.auditLog()).contains { $0.detail.contains(r.request.pupilRef) })
    }
}
