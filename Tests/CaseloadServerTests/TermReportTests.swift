import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// The term at a glance (issue 27): after a lived month (three published weeks with outcomes
/// recorded every day, an absence and a closure each followed by a re-plan), the page's and the
/// export's figures match the same figures computed on their own from the database file
/// (`term/figures.py`, plain SQL).
@Suite struct TermReportTests {
    static let weeks = ["2026-11-30", "2026-12-07", "2026-12-14"].compactMap(CalendarDate.init)
    static let cycle: [SessionOutcome] = [.delivered, .delivered, .delivered, .pupilAbsent, .delivered, .schoolCancelled, .specialistAbsent]

    func live(_ h: Harness) throws {
        let db = h.state.db
        let planner = WeeklyScheduler(db: db, config: h.state.config, options: PlannerOptions(iterations: 40))
        for (k, monday) in Self.weeks.enumerated() {
            _ = try planner.schedule(week: monday, replan: false, stamp: stamp)
            try db.timetables.publish(week: monday, stamp: stamp)
            if k == 1, let away = try db.timetables.timetable(week: monday)?.bookings.first(where: { $0.day == .wed })?.specialist {
                try db.calendar.addLeave(specialist: away, from: monday.adding(days: 2), to: monday.adding(days: 2), reason: "ill", stamp: stamp)
                _ = try planner.schedule(week: monday, replan: true, now: Moment(date: monday, minutes: 7 * 60), stamp: stamp)
            }
            if k == 2 {
                _ = try db.calendar.addClosures(
                    [Closure(from: monday.adding(days: 1), to: monday.adding(days: 1), reason: "INSET day", school: Harness.schoolA)], stamp: stamp)
                _ = try planner.schedule(week: monday, replan: true, now: Moment(date: monday, minutes: 7 * 60), stamp: stamp)
            }
            try record(db, monday)
        }
    }

    func record(_ db: AppDatabase, _ monday: CalendarDate) throws {
        let t = try #require(try db.timetables.timetable(week: monday))
        for d in 0..<5 {
            let date = monday.adding(days: d)
            let entries = t.bookings.filter { $0.day.index == d }.enumerated().map { i, b in
                OutcomeEntry(referral: b.referral, outcome: Self.cycle[i % Self.cycle.count])
            }
            if !entries.isEmpty { _ = try db.timetables.recordOutcomes(day: date, entries, today: date, config: Repo.config, stamp: stamp) }
        }
    }

    @Test func theTermsFiguresMatchAnIndependentCount() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try live(h)
        h.clock.set("2026-12-18T17:00")
        let script = Repo.root.appendingPathComponent("Tests/CaseloadServerTests/term/figures.py").path
        let (status, out) = try runTool(["python3", script, h.folder.appendingPathComponent("api.sqlite").path, "2026-09-03", "2026-12-18"])
        #expect(status == 0)
        let names = try h.state.db.roster.schoolNames()
        let keys = ["referrals_in", "declined", "waiting_now", "delivered", "pupil_absent", "cancelled_by_school", "cancelled_by_trust"]
        try await h.app.test(.router) { client in
            let expected = try #require(try JSONSerialization.jsonObject(with: out) as? [String: Any])
            let leader = try await Browser.signIn(client, h.leader)
            let exported = try await client.execute(uri: "/term.json", method: .get, headers: leader.headers)
            let seen = try #require(try JSONSerialization.jsonObject(with: Data(buffer: exported.body)) as? [String: Any])
            let trust = try #require(seen["trust"] as? [String: Any])
            let theirs = try #require(expected["trust"] as? [String: Any])
            for key in keys { #expect(trust[key] as? Int == theirs[key] as? Int, "trust \(key)") }
            #expect(abs((trust["delivered_hours"] as? Double ?? -1) - (theirs["delivered_hours"] as? Double ?? -2)) < 0.01)
            #expect(abs((trust["median_wait_weeks"] as? Double ?? -1) - (theirs["median_wait_weeks"] as? Double ?? -2)) < 0.01)
            #expect((theirs["delivered"] as? Int ?? 0) > 0 && (theirs["cancelled_by_trust"] as? Int ?? 0) > 0, "a lived month")
            #expect(seen["blocks_interrupted"] as? Int == expected["blocks_interrupted"] as? Int, "running blocks left without a session")
            let bySchool = Dictionary(uniqueKeysWithValues: (seen["schools"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0) })
            for (urn, value) in expected["schools"] as? [String: [String: Any]] ?? [:] {
                let line = try #require(bySchool[names[urn] ?? urn], "school \(urn)")
                for key in keys { #expect(line[key] as? Int == value[key] as? Int, "\(urn) \(key)") }
            }
            let page = String(buffer: try await client.execute(uri: "/term", method: .get, headers: leader.headers).body)
            #expect(
                page.contains("<td data-label=\"Delivered\">\(theirs["delivered"] as? Int ?? -1)</td>")
                    || page.contains(">\(theirs["referrals_in"] as? Int ?? -1)<"))
            #expect(page.contains("<svg"), "the charts of the waiting list and the waits")
            let csv = String(buffer: try await client.execute(uri: "/term.csv", method: .get, headers: leader.headers).body)
            #expect(csv.hasPrefix("scope,name,referrals_in") && csv.contains("\ntrust,The trust,\(theirs["referrals_in"] as? Int ?? -1),"))
            #expect(!String(buffer: exported.body).contains("pupil_ref"), "no pupil reference unless asked")
            let withPupils = String(buffer: try await client.execute(uri: "/term.json?pupils=yes", method: .get, headers: leader.headers).body)
            #expect(withPupils.contains("pupil_ref"))
            let school = try await Browser.signIn(client, h.sencoA)
            try await client.execute(uri: "/term.json", method: .get, headers: school.headers) { #expect($0.status == .forbidden) }
        }
    }
}
