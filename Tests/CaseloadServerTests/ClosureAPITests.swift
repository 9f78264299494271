import CaseloadCore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CaseloadServer

/// A school's closures over the API: its SENCO and leaders manage them; nobody else sees them.
@Suite struct ClosureAPITests {
    @Test func theAnswerIsTheClosureJustRecordedEvenWhenALaterOneExists() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let uri = "/v1/schools/\(Harness.schoolA)/closures"
        try await h.app.test(.router) { client in
            var ids: [Int] = []
            for day in ["2027-03-01", "2027-01-04"] {  // the second is earlier than the first
                try await client.execute(
                    uri: uri, method: .post, headers: headers(h.sencoA, json: true),
                    body: body(#"{"from": "\#(day)", "reason": "INSET day"}"#)
                ) { r in
                    let closure = object(r)["closure"] as? [String: Any]
                    #expect(closure?["from"] as? String == day)
                    ids.append(closure?["id"] as? Int ?? 0)
                }
            }
            #expect(ids.count == 2 && ids[0] != ids[1] && !ids.contains(0))
        }
    }

    @Test func aSENCOClosesOwnSchoolOnlyAndTheWeekBuilderSkipsTheDay() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let inset = #"{"from": "2026-12-01", "reason": "INSET day"}"#
        try await h.app.test(.router) { client in
            let own = "/v1/schools/\(Harness.schoolA)/closures"
            let theirs = "/v1/schools/\(Harness.schoolB)/closures"
            try await client.execute(uri: own, method: .post, headers: headers(h.sencoA, json: true), body: body(inset)) { r in
                #expect(r.status == .created)
                let closure = object(r)["closure"] as? [String: Any]
                #expect(closure?["from"] as? String == "2026-12-01" && closure?["to"] as? String == "2026-12-01")
            }
            try await client.execute(uri: theirs, method: .post, headers: headers(h.sencoA, json: true), body: body(inset)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: theirs, method: .get, headers: headers(h.sencoA)) { #expect($0.status == .notFound) }
            try await client.execute(uri: own, method: .post, headers: headers(h.specialist, json: true), body: body(inset)) {
                #expect($0.status == .forbidden)
            }
            for bad in [
                #"{"from": "2026-12-04", "to": "2026-12-01", "reason": "x"}"#, #"{"from": "1 Dec", "reason": "x"}"#,
                #"{"from": "2026-12-01", "reason": ""}"#, #"{"from": "2026-12-01", "reason": "x", "school": "1"}"#,
            ] {
                try await client.execute(uri: own, method: .post, headers: headers(h.leader, json: true), body: body(bad)) {
                    #expect($0.status == .unprocessableContent, "\(bad)")
                }
            }
            try await client.execute(uri: own, method: .get, headers: headers(h.sencoA)) { r in
                let items = object(r)["items"] as? [[String: Any]] ?? []
                #expect(items.count == 1 && items[0]["reason"] as? String == "INSET day")
            }
            try await client.execute(uri: "\(theirs)/1", method: .delete, headers: headers(h.leader)) { #expect($0.status == .notFound) }
        }
        let input = try h.state.db.timetables.weekInput(week: CalendarDate("2026-11-30")!, config: h.state.config)
        let sessions = WeekDemand(input).build(name: "w").scenario.sessions.filter { $0.school == Harness.schoolA && $0.specialist == nil }
        #expect(!sessions.isEmpty && sessions.allSatisfy { $0.days?.contains(.tue) == false })
        try await h.app.test(.router) { client in
            try await client.execute(uri: "/v1/schools/\(Harness.schoolA)/closures/1", method: .delete, headers: headers(h.sencoA)) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/v1/timetables/2026-12-21", method: .post, headers: headers(h.leader)) { r in
                #expect(r.status == .conflict)
                #expect((object(r)["detail"] as? String)?.contains("Christmas holiday") == true)
            }
        }
    }
}
