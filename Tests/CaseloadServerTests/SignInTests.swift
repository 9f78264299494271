import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CaseloadServer

/// Signing in to the pages: a sign-in another site starts is refused with nothing stored; a
/// provider's answer this browser did not start, or one used twice, is refused; sessions are
/// kept in the database, so a restart signs no one out; switching a person off signs them out
/// at their next click; the header names the person, their role and their school.
@Suite struct SignInTests {
    static func keyForm(_ key: String, extra: [String: String] = [:]) -> HTTPFields {
        var h = HTTPFields()
        h[.contentType] = "application/x-www-form-urlencoded"
        for (name, value) in extra { h[HTTPField.Name(name)!] = value }
        return h
    }

    @Test func aSignInAnotherSiteStartsIsRefusedWithNothingStored() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            for extra in [["Origin": "https://evil.example"], ["Sec-Fetch-Site": "cross-site"], ["Sec-Fetch-Site": "same-site"], ["Origin": "null"]] {
                let r = try await client.execute(
                    uri: "/signin", method: .post, headers: Self.keyForm(h.sencoB, extra: extra), body: body("token=\(h.sencoB)"))
                #expect(r.status == .forbidden, "\(extra)")
                #expect(r.headers[.setCookie] == nil, "no session was made for \(extra)")
                #expect(String(buffer: r.body).contains("started by another website"))
            }
            let own = ["Origin": "http://localhost:8080", "Host": "localhost:8080", "Sec-Fetch-Site": "same-origin"]
            let ok = try await client.execute(
                uri: "/signin", method: .post, headers: Self.keyForm(h.sencoB, extra: own), body: body("token=\(h.sencoB)"))
            #expect(ok.status == .found && ok.headers[.setCookie] != nil, "a sign-in from our own page works")
            let away = try await client.execute(
                uri: "/signin", method: .post, headers: Self.keyForm(h.sencoB), body: body("token=\(h.sencoB)&next=%2F%2Fevil.example%2Fx"))
            #expect(away.headers[.location] == "/", "a next= outside the site goes home instead")
        }
    }

    @Test func sessionsSurviveARestartAndEndWhenTheirPersonIsSwitchedOff() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let people = People(db: h.state.db)
        let jane = try people.add(
            PersonDetails(name: "Jane Smith", email: "jane@havant.example", roles: [.senco(school: Harness.schoolA)]), by: .commandLine, stamp: stamp)
        let key = try people.newKey(for: jane.id, label: "", days: 30, by: .commandLine, stamp: stamp)
        let school = try #require(try h.state.db.roster.school(Harness.schoolA)).name
        let cookie = try await h.app.test(.router) { client in
            let b = try await Browser.signIn(client, key.secret)
            let page = String(buffer: try await client.execute(uri: "/referrals", method: .get, headers: b.headers).body)
            #expect(page.contains("Signed in as Jane Smith, SENCO, \(school)"))
            return b.cookie
        }
        let restarted = try ServerState(
            db: h.state.db, configPath: h.folder.appendingPathComponent("trust.yaml").path, now: { [clock = h.clock] in clock.now })
        try await Application(router: buildRouter(restarted)).test(.router) { client in
            var headers = HTTPFields()
            headers[.cookie] = cookie
            let again = try await client.execute(uri: "/referrals", method: .get, headers: headers)
            #expect(again.status == .ok, "a restart kept the session")
            _ = try people.setDisabled(jane.id, true, by: .commandLine, stamp: stamp)
            let after = try await client.execute(uri: "/referrals", method: .get, headers: headers)
            #expect(after.status == .found && after.headers[.location]?.hasPrefix("/signin") == true, "switched off: signed out at the next click")
            let api = try await client.execute(uri: "/v1/referrals", method: .get, headers: CaseloadServerTests.headers(key.secret))
            #expect(api.status == .unauthorized, "and her key stopped")
        }
    }

    @Test func aProvidersAnswerThisBrowserDidNotStartOrThatWasUsedOnceIsRefused() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let yaml = h.state.configText.replacingOccurrences(
            of: "sign_in:\n  access_keys: yes\n",
            with: """
                sign_in:
                  access_keys: false
                  provider:
                    name: Test
                    issuer: http://127.0.0.1:9/openid
                    client_id: caseload
                    client_secret_file: /nonexistent/secret
                    public_address: http://127.0.0.1:8080

                """)
        _ = try h.state.replaceConfig(yaml, by: .commandLine, stamp: stamp)
        let attempt = SignInAttempt.start(next: "/referrals")
        try h.state.db.webSessions.put(
            SignInAttempt.key(attempt.state), try JSONEncoder().encode(attempt.attempt), expires: Date().timeIntervalSince1970 + 600)
        try await h.app.test(.router) { client in
            let keys = try await client.execute(uri: "/signin", method: .post, headers: Self.keyForm(h.leader), body: body("token=\(h.leader)"))
            #expect(keys.status == .forbidden && keys.headers[.setCookie] == nil, "the trust turned access keys off for the pages")
            let page = String(buffer: try await client.execute(uri: "/signin", method: .get).body)
            #expect(page.contains("Sign in with Test") && !page.contains("Access key"))
            let stranger = try await client.execute(uri: "/signin/callback?state=\(attempt.state)&code=abc", method: .get)
            #expect(stranger.status == .forbidden && stranger.headers[.setCookie] == nil, "a browser without the attempt's cookie")
            var own = HTTPFields()
            own[.cookie] = "\(SignInAttempt.cookie)=\(attempt.browser)"
            let replay = try await client.execute(uri: "/signin/callback?state=\(attempt.state)&code=abc", method: .get, headers: own)
            #expect(replay.status == .forbidden && String(buffer: replay.body).contains("already been used"), "the state was used once")
            let unknown = try await client.execute(uri: "/signin/callback?state=made-up&code=abc", method: .get, headers: own)
            #expect(unknown.status == .forbidden)
            let start = try await client.execute(uri: "/signin/provider", method: .get)
            #expect(start.status == .serviceUnavailable, "the secret file is missing: said, not a crash")
        }
        #expect(try h.state.db.webSessions.get(SignInAttempt.key(attempt.state)) == nil)
    }

    /// A script guessing keys from one address is slowed: once the address has used its attempts,
    /// the sign-in answers 429 with Retry-After and tries nothing, not even a right key; the page
    /// itself still answers. (Here 3 attempts, then one a minute, so a slow machine cannot refill
    /// the bucket between requests; the server's default is 30, then one every two seconds.)
    @Test func manySignInAttemptsFromOneAddressAreSlowed() async throws {
        let h = try Harness(signIns: (perMinute: 1, burst: 3))
        defer { h.cleanup() }
        let app = Application(router: buildRouter(h.state), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            for k in 0..<3 {
                let wrong = try await client.execute(uri: "/signin", method: .post, headers: Self.keyForm("x"), body: body("token=guess\(k)"))
                #expect(wrong.status == .unauthorized)
            }
            let slowed = try await client.execute(uri: "/signin", method: .post, headers: Self.keyForm("x"), body: body("token=\(h.leader)"))
            #expect(slowed.status == .tooManyRequests && slowed.headers[.setCookie] == nil, "a right key too waits its turn")
            #expect(Int(slowed.headers[.retryAfter] ?? "") ?? 0 > 0 && String(buffer: slowed.body).contains("Too many sign-in attempts"))
            #expect(try await client.execute(uri: "/signin/provider", method: .get).status == .tooManyRequests)
            #expect(try await client.execute(uri: "/signin", method: .get).status == .ok, "the page itself still answers")
        }
    }

    /// A SENCO of two schools moves between them from the header, asks for time for either, and
    /// reaches no third school.
    @Test func aSencoOfTwoSchoolsSeesBothAndNoOther() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let both = [Role.senco(school: Harness.schoolA), .senco(school: Harness.schoolB)]
        let p = try People(db: h.state.db).add(
            PersonDetails(name: "Two Schools", email: "two@trust.example", roles: both), by: .commandLine, stamp: stamp)
        let key = try People(db: h.state.db).newKey(for: p.id, label: "", days: 30, by: .commandLine, stamp: stamp)
        let third = try #require(try h.state.db.roster.schools().first { ![Harness.schoolA, Harness.schoolB].contains($0.urn) }).urn
        try await h.app.test(.router) { client in
            let b = try await Browser.signIn(client, key.secret)
            let page = String(buffer: try await client.execute(uri: "/referrals?school=\(Harness.schoolB)", method: .get, headers: b.headers).body)
            #expect(page.contains("aria-label=\"Your schools\"") && page.contains("/referrals?school=\(Harness.schoolA)"))
            let other = try await client.execute(uri: "/referrals?school=\(third)", method: .get, headers: b.headers)
            #expect(other.status == .notFound)
            let form = String(buffer: try await client.execute(uri: "/referrals/new", method: .get, headers: b.headers).body)
            #expect(form.contains("<select id=\"school\" name=\"school\">"))
            let fields = [
                ("school", Harness.schoolB), ("pupil_ref", "TWO-1"), ("year_group", "4"), ("service", "SALT"), ("area", "communication_interaction"),
                ("severity", "4"), ("apdr_cycles", "2"), ("consent", "yes"),
            ]
            let (fh, fb) = b.form(fields)
            let posted = try await client.execute(uri: "/referrals", method: .post, headers: fh, body: fb)
            #expect(posted.status == .seeOther || posted.status == .found)
            #expect(try h.state.db.referrals.all(school: Harness.schoolB).contains { $0.request.pupilRef == "TWO-1" })
        }
    }

    /// A leader who is also a school's SENCO and a specialist has one menu: one way to the
    /// referrals, the school's request form and visits, their own week, and the trust's pages;
    /// their own week says "My week", another specialist's week is titled with that person's name.
    @Test func aPersonWithThreeRolesHasOneMenu() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let roles = [Role.leader, .senco(school: Harness.schoolA), .specialist(id: "salt-3")]
        let p = try People(db: h.state.db).add(
            PersonDetails(name: "Many Hats", email: "hats@trust.example", roles: roles), by: .commandLine, stamp: stamp)
        let key = try People(db: h.state.db).newKey(for: p.id, label: "", days: 30, by: .commandLine, stamp: stamp)
        let other = try #require(try h.state.db.roster.specialists().map(\.specialist.id).first { $0 != "salt-3" })
        let otherName = try h.state.db.roster.contacts()[other]?.name ?? other
        try await h.app.test(.router) { client in
            let b = try await Browser.signIn(client, key.secret)
            let page = String(buffer: try await client.execute(uri: "/my-week", method: .get, headers: b.headers).body)
            let menu = String(page[page.range(of: "aria-label=\"Main\"")!.lowerBound..<page.range(of: "</nav>")!.lowerBound])
            #expect(menu.components(separatedBy: "href=\"/referrals\"").count == 2, "one link to the referrals: \(menu)")
            for link in ["/referrals/new", "/visits", "/my-week", "/waiting-list", "/term"] { #expect(menu.contains("href=\"\(link)\""), "\(link)") }
            #expect(page.contains("<title>My week of "))
            let theirs = String(buffer: try await client.execute(uri: "/my-week?specialist=\(other)", method: .get, headers: b.headers).body)
            #expect(theirs.contains("<title>\(otherName)&#39;s week of "), "titled with the specialist's name")
        }
    }

    @Test func aRevokedOrSwitchedOffSpecialistsCalendarFeedStops() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let sam = try People(db: h.state.db).add(
            PersonDetails(name: "Sam Okafor", email: "sam@trust.example", roles: [.specialist(id: "salt-3")]), by: .commandLine, stamp: stamp)
        let me = try #require(try h.state.db.people.identity(person: sam.id, via: "sign-in"))
        let feed = try CalendarFeeds(db: h.state.db).renew("salt-3", by: me, stamp: stamp)
        try await h.app.test(.router) { client in
            #expect(try await client.execute(uri: "/calendars/\(feed).ics", method: .get).status == .ok)
            _ = try People(db: h.state.db).setDisabled(sam.id, true, by: .commandLine, stamp: stamp)
            #expect(try await client.execute(uri: "/calendars/\(feed).ics", method: .get).status == .notFound)
        }
    }
}
