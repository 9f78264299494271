import CaseloadCore
import CaseloadServer
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Absences through the API and the week page: a morning reported, listed, corrected and
/// withdrawn; another specialist's are not theirs to see; the week page says "away".
@Suite struct AbsenceAPITests {
    @Test func aSpecialistReportsListsCorrectsAndWithdrawsAMorning() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            let own = "/v1/specialists/salt-3/absences"
            let spanning = try await client.execute(
                uri: own, method: .post, headers: headers(h.specialist, json: true),
                body: body(#"{"from": "2026-11-24", "to": "2026-11-25", "part": "morning", "reason": "dentist"}"#))
            #expect(spanning.status == .unprocessableContent)
            let made = try await client.execute(
                uri: own, method: .post, headers: headers(h.specialist, json: true),
                body: body(#"{"from": "2026-11-24", "part": "morning", "reason": "dentist"}"#))
            #expect(made.status == .created && object(made)["booked_sessions"] as? Int == 0)
            let listed = try await client.execute(uri: own, method: .get, headers: headers(h.specialist))
            let items = object(listed)["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1 && items.first?["part"] as? String == "morning")
            let n = try #require(items.first?["id"] as? Int)
            let theirs = try await client.execute(uri: "/v1/specialists/ep-1/absences", method: .get, headers: headers(h.specialist))
            #expect(theirs.status == .notFound)
            let fixed = try await client.execute(
                uri: "/v1/absences/\(n)", method: .put, headers: headers(h.specialist, json: true),
                body: body(#"{"from": "2026-11-24", "part": "afternoon", "reason": "dentist moved"}"#))
            #expect(fixed.status == .ok)
            let b = try await Browser.signIn(client, h.specialist)
            let page = String(buffer: try await client.execute(uri: "/my-week?week=2026-11-23", method: .get, headers: b.headers).body)
            #expect(page.contains("away: dentist moved") && page.contains("the afternoon"))
            #expect(try await client.execute(uri: "/v1/absences/\(n)", method: .delete, headers: headers(h.sencoA)).status == .forbidden)
            #expect(try await client.execute(uri: "/v1/absences/\(n)", method: .delete, headers: headers(h.specialist)).status == .ok)
            #expect(try await client.execute(uri: "/v1/absences/\(n)", method: .delete, headers: headers(h.specialist)).status == .notFound)
        }
    }
}
