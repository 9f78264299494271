import CaseloadConfig
import CaseloadCore
import CaseloadPlanner
import CaseloadServer
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The leader's settings editor (preview before save, rejected whole), the audit log, a
/// specialist's calendar address, and sessions that end.
@Suite struct WebLeaderPageTests {
    func text(_ r: TestResponse) -> String { String(buffer: r.body) }

    @Test func aThresholdChangeIsPreviewedThenSavedAndABadFileChangesNothing() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let original = try String(contentsOfFile: h.state.configPath, encoding: .utf8)
        let raised = original.replacingOccurrences(of: "threshold: 30              #", with: "threshold: 60              #")
        try await h.app.test(.router) { client in
            let b = try await Browser.signIn(client, h.leader)
            let s = try await Browser.signIn(client, h.sencoA)
            #expect(text(try await client.execute(uri: "/settings", method: .get, headers: b.headers)).contains("threshold: 30"))
            #expect(try await client.execute(uri: "/settings", method: .get, headers: s.headers).status == .forbidden)
            for bad in [
                original.replacingOccurrences(of: "threshold: 30 ", with: "threshold: lots "), "services: [", String(repeating: "a: [", count: 400),
            ] {
                let (fh, fb) = b.form([("yaml", bad)])
                let r = try await client.execute(uri: "/settings/preview", method: .post, headers: fh, body: fb)
                #expect(r.status == .unprocessableContent && text(r).contains("Nothing was saved"), "\(bad.prefix(30))")
            }
            let (ph, pb) = b.form([("yaml", raised)])
            let preview = text(try await client.execute(uri: "/settings/preview", method: .post, headers: ph, body: pb))
            #expect(preview.contains("30 now, 60 after") && preview.contains("Would be declined if referred today"))
            let base = try #require(preview.firstMatch(of: /name="base" value="([0-9a-f]{64})"/)?.1)
            let (sh, sb) = s.form([("yaml", raised), ("base", String(base))])
            #expect(try await client.execute(uri: "/settings/save", method: .post, headers: sh, body: sb).status == .forbidden)
            let (xh, xb) = b.form([("yaml", raised), ("base", String(base))], csrf: s.csrf)
            #expect(try await client.execute(uri: "/settings/save", method: .post, headers: xh, body: xb).status == .forbidden)
            let (oh, ob) = b.form([("yaml", raised), ("base", String(repeating: "0", count: 64))])
            #expect(try await client.execute(uri: "/settings/save", method: .post, headers: oh, body: ob).status == .conflict)
            #expect(try String(contentsOfFile: h.state.configPath, encoding: .utf8) == original)
            let (gh, gb) = b.form([("yaml", raised), ("base", String(base))])
            let saved = try await client.execute(uri: "/settings/save", method: .post, headers: gh, body: gb)
            #expect(saved.status == .seeOther && saved.headers[.location] == "/settings?done=saved")
            #expect(h.state.config.service("EP")?.threshold == 60)
            #expect(try String(contentsOfFile: h.state.configPath, encoding: .utf8) == raised, "the file keeps its comments")
            let audit = text(try await client.execute(uri: "/audit?entity=config", method: .get, headers: b.headers))
            #expect(audit.contains("changed the trust&#39;s settings") || audit.contains("changed the trust's settings"), "\(audit)")
            #expect(try await client.execute(uri: "/audit", method: .get, headers: s.headers).status == .forbidden)
        }
    }

    /// The week page says how long planning will take: the trust's search time, unless the server
    /// was started with a fixed number of iterations.
    @Test func theWeekPageSaysHowLongPlanningTakes() async throws {
        for (planner, expected) in [
            (PlannerOptions(), "Planning takes about 30 seconds"), (PlannerOptions(iterations: 60), "Planning takes a few seconds"),
        ] {
            let h = try Harness(planner: planner)
            defer { h.cleanup() }
            try await h.app.test(.router) { client in
                let b = try await Browser.signIn(client, h.leader)
                let page = text(try await client.execute(uri: "/weeks?week=2026-11-30", method: .get, headers: b.headers))
                #expect(page.contains(expected))
            }
        }
    }

    @Test func aSpecialistsCalendarAddressShowsTheirWeekUntilStopped() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let week = CalendarDate("2026-11-30")!
        _ = try WeeklySchedulerHarness.publish(h, week)
        h.clock.set("2026-12-01T09:00")
        try await h.app.test(.router) { client in
            let sp = try await Browser.signIn(client, h.specialist)
            let senco = try await Browser.signIn(client, h.sencoA)
            let page = text(try await client.execute(uri: "/my-week", method: .get, headers: sp.headers))
            #expect(page.contains("Travel to") && page.contains("Make a new calendar address"))
            let (fh, fb) = sp.form([("action", "renew")])
            let shown = text(try await client.execute(uri: "/my-week/calendar", method: .post, headers: fh, body: fb))
            let own = try #require(try h.state.db.roster.contacts()["salt-3"]?.name)
            #expect(page.contains("specialist \(own) (salt-3)"), "the header names the specialist a key acts for")
            #expect(page.contains("(Speech and language therapy)") && !page.contains("(SALT)"), "the service in words beside each pupil")
            #expect(page.contains("<title>My week of ") && shown.contains("Calendar address for \(own)"), "titles name the person")
            let path = try #require(shown.firstMatch(of: /http:\/\/[^\/"]+(\/calendars\/cf_[0-9a-f]{64}\.ics)/)?.1)
            let feed = try await client.execute(uri: String(path), method: .get)
            #expect(feed.status == .ok && feed.headers[.contentType]?.hasPrefix("text/calendar") == true && feed.headers[.cacheControl] == "no-store")
            let events = try icsEvents(text(feed)).filter { $0["category"] == "VISIT" }
            let name = try h.state.db.roster.contacts()["salt-3"]?.said(id: "salt-3") ?? "salt-3"
            #expect(!events.isEmpty && events.allSatisfy { $0["description"]!.contains("with \(name)\n") })
            let (xh, xb) = senco.form([("action", "renew"), ("specialist", "salt-3")])
            #expect(try await client.execute(uri: "/my-week/calendar", method: .post, headers: xh, body: xb).status == .forbidden)
            let (stopH, stopB) = sp.form([("action", "stop")])
            #expect(try await client.execute(uri: "/my-week/calendar", method: .post, headers: stopH, body: stopB).status == .seeOther)
            let gone = try await client.execute(uri: String(path), method: .get)
            #expect(gone.status == .notFound && !text(gone).contains("salt-3"))
            #expect(try await client.execute(uri: "/calendars/cf_\(String(repeating: "1", count: 64)).ics", method: .get).status == .notFound)
        }
    }

    @Test func aSessionEndsAfterEightIdleHoursAndTwelveInAll() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        h.clock.set("2026-11-23T08:00")
        try await h.app.test(.router) { client in
            let b = try await Browser.signIn(client, h.sencoA)
            h.clock.set("2026-11-23T15:00")
            #expect(try await client.execute(uri: "/referrals", method: .get, headers: b.headers).status == .ok)
            h.clock.set("2026-11-23T19:30")  // used at 15:00: not idle for eight hours, but 11.5 since signing in
            #expect(try await client.execute(uri: "/referrals", method: .get, headers: b.headers).status == .ok)
            h.clock.set("2026-11-23T20:01")
            let after = try await client.execute(uri: "/referrals", method: .get, headers: b.headers)
            #expect(after.status == .found && after.headers[.location]?.hasPrefix("/signin") == true)
            let (fh, fb) = b.form([("note", "x")])
            let ref = try h.referral(of: Harness.schoolA)
            #expect(try await client.execute(uri: "/referrals/\(ref.id)/hold", method: .post, headers: fh, body: fb).status == .found)
            #expect(try h.state.db.referrals.find(ref.id).status == ref.status)
            let c = try await Browser.signIn(client, h.sencoA)
            h.clock.set("2026-11-24T04:02")  // eight hours and a minute unused
            #expect(try await client.execute(uri: "/referrals", method: .get, headers: c.headers).status == .found)
        }
    }
}

/// What a leader and a school read before acting (issue 27): a stale draft says so before
/// Publish, with what changed; a published week an absence touches is flagged on the leader's
/// home page; the visits page opens on the next week with visits, offers a calendar file only for
/// a published week, and names each specialist with their work contact details.
@Suite struct WeekWarningPageTests {
    static let week = CalendarDate("2026-11-30")!

    @Test func aStaleDraftAndATouchedWeekAreFlagged() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        _ = try WeeklySchedulerHarness.publish(h, Self.week)
        _ = try WeeklyScheduler(db: h.state.db, config: h.state.config, options: PlannerOptions(iterations: 30))
            .schedule(week: Self.week.adding(days: 7), replan: false, stamp: stamp)
        let published = try #require(try h.state.db.timetables.timetable(week: Self.week))
        let thursday = try #require(published.bookings.first { $0.day == .thu })
        try h.state.db.calendar.addLeave(
            specialist: thursday.specialist, from: Self.week.adding(days: 3), to: Self.week.adding(days: 3), reason: "ill", stamp: stamp)
        try await h.app.test(.router) { client in
            let leader = try await Browser.signIn(client, h.leader)
            let home = String(buffer: try await client.execute(uri: "/waiting-list", method: .get, headers: leader.headers).body)
            #expect(home.contains("Published weeks to re-plan") && home.contains("on an absence") && home.contains("/weeks?week=2026-11-30"))
            let draft = String(buffer: try await client.execute(uri: "/weeks?week=2026-12-07", method: .get, headers: leader.headers).body)
            #expect(draft.contains("This draft is out of date"), "the stale draft says so before Publish")
            #expect(!draft.contains("Publish this week"), "no Publish button on a stale draft")
            let alert = try #require(draft.range(of: "This draft is out of date"))
            let table = try #require(draft.range(of: "<h2>Specialists</h2>"))
            #expect(alert.lowerBound < table.lowerBound && draft.contains("href=\"#plan-again\""), "said first, with the way to plan it again")
            let school = try await Browser.signIn(client, h.sencoA)
            try await client.execute(uri: "/waiting-list", method: .get, headers: school.headers) {
                #expect(!String(buffer: $0.body).contains("Published weeks to re-plan"))
            }
        }
    }

    @Test func theVisitsPageOpensOnTheNextWeekWithVisitsAndNamesTheSpecialist() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        _ = try WeeklySchedulerHarness.publish(h, Self.week)
        let ours = try #require(try h.state.db.timetables.timetable(week: Self.week)?.bookings.first { $0.school == Harness.schoolA })
        let contact = try #require(try h.state.db.roster.contacts()[ours.specialist])
        let (name, phone) = (try #require(contact.name), try #require(contact.phone))
        h.clock.set("2026-11-27T16:00")  // Friday afternoon of the week before
        try await h.app.test(.router) { client in
            let school = try await Browser.signIn(client, h.sencoA)
            let page = String(buffer: try await client.execute(uri: "/visits", method: .get, headers: school.headers).body)
            #expect(page.contains("week of Mon 30 Nov"), "Friday afternoon: next week, which has visits")
            #expect(page.contains(name) && page.contains(phone), "named, with work contact details")
            #expect(page.contains("Speech and language therapy") || page.contains("Educational psychology") || page.contains("Counselling"))
            #expect(page.contains("/visits.ics?week=2026-11-30"), "a published week goes in calendars")
            let later = String(buffer: try await client.execute(uri: "/visits?week=2026-12-07", method: .get, headers: school.headers).body)
            #expect(!later.contains("visits.ics"), "no calendar file for a week not published")
        }
    }
}
