import CaseloadCore
import CaseloadServer
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A published week is re-planned only after a confirmation that shows what would move, from the
/// API and the pages alike; without it nothing changes.
@Suite struct ReplanConfirmationTests {
    static let week = CalendarDate("2026-11-30")!

    func publishedWeek(_ h: Harness) throws -> WeekTimetable {
        _ = try WeeklySchedulerHarness.publish(h, Self.week)
        let t = try #require(try h.state.db.timetables.timetable(week: Self.week))
        let away = try #require(t.bookings.first { $0.day == .thu }).specialist
        try h.state.db.calendar.addLeave(
            specialist: away, from: Self.week.adding(days: 3), to: Self.week.adding(days: 3), reason: "ill", stamp: stamp)
        return t
    }

    @Test func theAPINeedsConfirmAndItsPreviewChangesNothing() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let before = try publishedWeek(h)
        try await h.app.test(.router) { client in
            let refused = try await client.execute(uri: "/v1/timetables/2026-11-30?replan=true", method: .post, headers: headers(h.leader))
            #expect(refused.status == .conflict && String(buffer: refused.body).contains("confirm=true"))
            let preview = try await finishedTask(client, "/v1/timetables/2026-11-30?replan=true&preview=true", headers(h.leader))
            let seen = preview["result"] as? [String: Any]
            #expect(seen?["status"] as? String == "preview" && (seen?["moved"] as? Int ?? 0) > 0, "\(preview)")
            #expect((seen?["moves"] as? [Any])?.count == seen?["moved"] as? Int)
            let unchanged = try #require(try h.state.db.timetables.timetable(week: Self.week))
            #expect(unchanged.revision == before.revision && unchanged.bookings == before.bookings, "refusal and preview change nothing")
            let done = try await finishedTask(client, "/v1/timetables/2026-11-30?replan=true&confirm=true", headers(h.leader))
            #expect(done["state"] as? String == "done", "\(done)")
        }
        #expect(try #require(try h.state.db.timetables.timetable(week: Self.week)).revision == before.revision + 1)
    }

    @Test func thePageAsksBeforeItRePlansAPublishedWeek() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let before = try publishedWeek(h)
        try await h.app.test(.router) { client in
            let leader = try await Browser.signIn(client, h.leader)
            let (fh, fb) = leader.form([("week", "2026-11-30")])
            let asked = try await followTaskPage(
                client, try await client.execute(uri: "/weeks/generate", method: .post, headers: fh, body: fb), leader.headers)
            let page = String(buffer: asked.body)
            #expect(asked.status == .ok && page.contains("Re-plan and publish the week") && page.contains("would move"), "\(asked.status)")
            #expect(try #require(try h.state.db.timetables.timetable(week: Self.week)).revision == before.revision, "asking changes nothing")
            let (ch, cb) = leader.form([("week", "2026-11-30"), ("confirm", "yes")])
            let done = try await followTaskPage(
                client, try await client.execute(uri: "/weeks/generate", method: .post, headers: ch, body: cb), leader.headers)
            #expect(done.status == .seeOther && done.headers[.location]?.contains("done=replanned") == true)
        }
        #expect(try #require(try h.state.db.timetables.timetable(week: Self.week)).revision == before.revision + 1)
    }
}
