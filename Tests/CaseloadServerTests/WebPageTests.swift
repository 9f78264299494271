import CaseloadCore
import CaseloadServer
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A browser's session in router tests: its cookie and the form token its pages carry.
struct Browser {
    let cookie: String
    let csrf: String

    var headers: HTTPFields {
        var h = HTTPFields()
        h[.cookie] = cookie
        return h
    }

    /// A form post with `fields` (the form token added unless `csrf` says otherwise).
    func form(_ fields: [(String, String)], csrf: String? = nil) -> (HTTPFields, ByteBuffer) {
        var h = headers
        h[.contentType] = "application/x-www-form-urlencoded"
        let all = [("csrf", csrf ?? self.csrf)] + fields
        let text = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return (h, ByteBuffer(string: text))
    }

    /// Signs in with `token` and reads the form token from the first page.
    static func signIn(_ client: some TestClientProtocol, _ token: String) async throws -> Browser {
        var h = HTTPFields()
        h[.contentType] = "application/x-www-form-urlencoded"
        let signedIn = try await client.execute(uri: "/signin", method: .post, headers: h, body: ByteBuffer(string: "token=\(token)"))
        let cookie = try #require(signedIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        var page = HTTPFields()
        page[.cookie] = cookie
        let html = String(buffer: try await client.execute(uri: "/referrals/new", method: .get, headers: page).body)
        let csrf = try #require(html.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)?.1)
        return Browser(cookie: cookie, csrf: String(csrf))
    }
}

@Suite struct WebSecurityTests {
    /// URL editing reaches no other school's pupils, a form without this session's token writes
    /// nothing, and a revoked token or a signed-out cookie is sent back to sign in.
    @Test func pagesKeepSchoolsApartAndRefuseForgedForms() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let ours = try #require(try h.state.db.referrals.all(school: Harness.schoolA, statuses: [.waiting]).first)
        let theirs = try #require(try h.state.db.referrals.all(school: Harness.schoolB, statuses: [.waiting]).first)
        try await h.app.test(.router) { client in
            let a = try await Browser.signIn(client, h.sencoA)
            let other = try await Browser.signIn(client, h.sencoA)
            let hidden = try await client.execute(uri: "/referrals/\(theirs.id)", method: .get, headers: a.headers)
            let missing = try await client.execute(uri: "/referrals/99999", method: .get, headers: a.headers)
            #expect(hidden.status == .notFound && missing.status == .notFound)
            let said = String(buffer: missing.body)
            #expect(said.contains("no referral 99999. See the list of referrals for the right number.") && !said.contains("/v1/"), "\(said)")
            #expect(String(buffer: hidden.body).contains("no referral \(theirs.id). See the list of referrals"))
            let (fh, fb) = a.form([("note", "x")])
            #expect(try await client.execute(uri: "/referrals/\(theirs.id)/withdraw", method: .post, headers: fh, body: fb).status == .notFound)
            for uri in ["/visits?school=\(Harness.schoolB)", "/visits.ics?school=\(Harness.schoolB)", "/waiting-list?school=\(Harness.schoolB)"] {
                #expect(try await client.execute(uri: uri, method: .get, headers: a.headers).status == .notFound, "\(uri)")
            }
            let list = String(buffer: try await client.execute(uri: "/referrals?school=\(Harness.schoolB)", method: .get, headers: a.headers).body)
            #expect(!list.contains(theirs.request.pupilRef))
            for csrf in ["", other.csrf, String(repeating: "0", count: 64)] {
                let (h2, b2) = a.form([("note", "x")], csrf: csrf)
                #expect(try await client.execute(uri: "/referrals/\(ours.id)/hold", method: .post, headers: h2, body: b2).status == .forbidden)
            }
            #expect(try await client.execute(uri: "/weeks", method: .get, headers: a.headers).status == .forbidden)
            try h.state.db.access.revokeToken(try #require(try h.state.db.access.identity(secret: h.sencoA)).tokenId, stamp: stamp)
            let after = try await client.execute(uri: "/referrals", method: .get, headers: a.headers)
            #expect(after.status == .found && after.headers[.location]?.hasPrefix("/signin") == true)
        }
        #expect(try h.state.db.referrals.find(theirs.id) == theirs)
        #expect(try h.state.db.referrals.find(ours.id) == ours)
    }

    @Test func theSessionCookieIsHttpOnlyStrictAndSignOutEndsIt() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            var form = HTTPFields()
            form[.contentType] = "application/x-www-form-urlencoded"
            let bad = try await client.execute(uri: "/signin", method: .post, headers: form, body: ByteBuffer(string: "token=cl_nope"))
            #expect(bad.status == .unauthorized && bad.headers[.setCookie] == nil)
            let ok = try await client.execute(
                uri: "/signin", method: .post, headers: form, body: ByteBuffer(string: "token=\(h.leader)&next=//evil.example"))
            let cookie = ok.headers[.setCookie] ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
            #expect(ok.headers[.location] == "/", "an outside address is never followed")
            let b = try await Browser.signIn(client, h.leader)
            let page = try await client.execute(uri: "/waiting-list", method: .get, headers: b.headers)
            #expect(page.status == .ok && page.headers[.cacheControl] == "no-store" && page.headers[.contentSecurityPolicy] != nil)
            let (sh, sb) = b.form([])
            #expect(try await client.execute(uri: "/signout", method: .post, headers: sh, body: sb).status == .found)
            #expect(try await client.execute(uri: "/waiting-list", method: .get, headers: b.headers).status == .found)
        }
    }
}

@Suite struct WebFormTests {
    /// Forms that no browser sends (bad percent-encoding, control bytes, no `=`, huge) are
    /// refused with a page, and the server goes on answering.
    @Test func malformedFormBodiesAreRefusedNotFatal() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            var form = HTTPFields()
            form[.contentType] = "application/x-www-form-urlencoded"
            let b = try await Browser.signIn(client, h.sencoA)
            var signedIn = b.headers
            signedIn[.contentType] = "application/x-www-form-urlencoded"
            for body in ["token=%zz%", "token=%", "%E0%A4%A=x", "token=a b\u{0}\u{1}", "&&&===", String(repeating: "a=%", count: 30_000)] {
                let r = try await client.execute(uri: "/signin", method: .post, headers: form, body: ByteBuffer(string: body))
                #expect([.unauthorized, .unprocessableContent, .contentTooLarge].contains(r.status), "\(body.prefix(20))")
                let p = try await client.execute(
                    uri: "/referrals", method: .post, headers: signedIn, body: ByteBuffer(string: "csrf=\(b.csrf)&" + body))
                #expect([.unprocessableContent, .forbidden, .contentTooLarge].contains(p.status), "\(body.prefix(20)): \(p.status)")
            }
            #expect(try await client.execute(uri: "/referrals", method: .get, headers: b.headers).status == .ok)
        }
    }

    /// The request form posts its checkboxes as `name[]` (as Hummingbird's form decoder reads
    /// them): every ticked circumstance and day is kept; a field sent in another shape is named.
    @Test func theRequestFormKeepsEveryTickedBox() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            let b = try await Browser.signIn(client, h.sencoA)
            let fields = [
                ("pupil_ref", "FORM-1"), ("service", "SALT"), ("area", "communication_interaction"), ("year_group", "4"),
                ("severity", "4"), ("apdr_cycles", "2"), ("consent", "yes"), ("reason", "speech"), ("flags[]", "looked_after"),
                ("flags[]", "safeguarding"), ("preferred_days[]", "tue"), ("preferred_days[]", "thu"),
            ]
            let (fh, fb) = b.form(fields)
            let posted = try await client.execute(uri: "/referrals", method: .post, headers: fh, body: fb)
            let said = String(buffer: posted.body).firstMatch(of: /<p>([^<]*)<\/p><\/div>/).map { String($0.1) } ?? ""
            #expect(posted.status == .seeOther || posted.status == .found, "\(posted.status): \(said)")
            let stored = try #require(try h.state.db.referrals.all(school: Harness.schoolA).first { $0.request.pupilRef == "FORM-1" })
            #expect(stored.request.flags.raised == [.lookedAfter, .safeguarding])
            #expect(stored.request.preferredDays == [.tue, .thu])
            let (wh, wb) = b.form([("pupil_ref", "FORM-2"), ("flags", "looked_after")])
            let refused = try await client.execute(uri: "/referrals", method: .post, headers: wh, body: wb)
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("flags"), "the field is named")
        }
    }

    /// The request form explains each service's threshold, its target waits most pressing band first.
    @Test func theRequestFormExplainsTheThresholds() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        try await h.app.test(.router) { client in
            let b = try await Browser.signIn(client, h.sencoA)
            let html = String(buffer: try await client.execute(uri: "/referrals/new", method: .get, headers: b.headers).body)
            #expect(html.contains("Speech and language therapy (SALT)</strong>: accepted with a score of 25 or more"))
            #expect(html.contains("Target waits by band: urgent 4 weeks, high 10 weeks, routine 18 weeks."))
        }
    }
}

/// The pages in a real browser: a SENCO requests time and withdraws it, a specialist records a
/// day, a leader plans and publishes a week; axe-core checks every page.
@Suite struct BrowserTests {
    @Test func eachRoleWorksThroughTheirPagesInChromium() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let week = CalendarDate("2026-11-30")!
        _ = try WeeklySchedulerHarness.publish(h, week)
        h.clock.set("2026-12-01T16:00")
        let shots = ProcessInfo.processInfo.environment["CASELOAD_SCREENSHOTS"]
        let app = Application(router: buildRouter(h.state), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let script = Repo.root.appendingPathComponent("Tests/CaseloadServerTests/browser/pages.py").path
            let args = ["python3", script, "http://127.0.0.1:\(client.port!)", h.sencoA, h.specialist, h.leader] + (shots.map { [$0] } ?? [])
            let (status, output) = try await runToolInBackground(args)
            let text = String(decoding: output, as: UTF8.self)
            #expect(status == 0, "\(text)")
            #expect(text.contains("all steps passed"), "\(text)")
        }
        let next = try #require(try h.state.db.timetables.timetable(week: CalendarDate("2026-12-07")!))
        #expect(next.published && !next.bookings.contains { $0.specialist == "salt-3" && $0.day == .thu }, "planned around the absence")
        #expect(h.state.config.service("SALT")?.threshold == 35)
        #expect(try h.state.db.referrals.all(school: Harness.schoolA).last?.status == .withdrawn)
    }
}

/// The request form in the GOV.UK Design System's manner: every problem at once in a summary
/// linked to its field, each field at fault marked; consent asked yes or no (no answer stores
/// nothing; "no" is the decline with its advice, as before).
@Suite struct RequestFormProblemTests {
    @Test func everyProblemShowsAtOnceAndAMissingConsentStoresNothing() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let before = try h.state.db.referrals.all().count
        try await h.app.test(.router) { client in
            let b = try await Browser.signIn(client, h.sencoA)
            let (fh, fb) = b.form([("pupil_ref", "Jane Smith"), ("service", "SALT"), ("area", "communication_interaction"), ("apdr_cycles", "2")])
            let refused = try await client.execute(uri: "/referrals", method: .post, headers: fh, body: fb)
            let html = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent)
            for (anchor, words) in [
                ("pupil_ref", "never a name"), ("year_group", "Choose the pupil&#39;s year group"), ("severity-1", "Choose how severe"),
                ("consent-yes", "Choose yes or no"),
            ] {
                #expect(html.contains("<a href=\"#\(anchor)\">") && html.contains(words), "\(anchor): \(words)")
            }
            #expect(
                html.contains(
                    #"id="pupil_ref" name="pupil_ref" value="Jane Smith" aria-describedby="pupil_ref-hint pupil_ref-error" aria-invalid="true""#))
            #expect(html.contains(#"id="consent-error""#) && !html.contains(#"id="area-error""#), "only the fields at fault")
            #expect(!html.contains("School is needed"), "a SENCO's school is their own, not a problem")
            let fields = [
                ("pupil_ref", "FORM-9"), ("service", "SALT"), ("area", "communication_interaction"), ("year_group", "4"), ("severity", "4"),
                ("apdr_cycles", "2"), ("reason", "speech"),
            ]
            let (nh, nb) = b.form(fields + [("consent", "no"), ("skill", "AAC"), ("preferred_days[]", "tue"), ("days_only", "yes")])
            let declined = try await client.execute(uri: "/referrals", method: .post, headers: nh, body: nb)
            #expect(declined.status == .seeOther)
        }
        let stored = try h.state.db.referrals.all()
        #expect(stored.count == before + 1, "the form without consent stored nothing; the one with \"no\" is the decline")
        let last = try #require(stored.first { $0.request.pupilRef == "FORM-9" })
        #expect(last.status == .declined && last.request.skill == "AAC" && last.request.daysOnly && last.request.preferredDays == [.tue])
    }
}

/// The referrals list a real school needs: filtered by status, service and school, searched by
/// the start of a pupil reference, fifty a page; withdrawing asks first and says what it did.
@Suite struct ReferralListPageTests {
    @Test func theListFiltersSearchesAndPages() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let salt = try h.state.db.referrals.all().filter { $0.request.service == "SALT" && $0.status == .waiting }
        #expect(salt.count > 50, "the demo trust has more than a page of waiting SALT referrals")
        let one = try #require(try h.state.db.referrals.all(school: Harness.schoolA, statuses: [.waiting]).last)
        try await h.app.test(.router) { client in
            let leader = try await Browser.signIn(client, h.leader)
            let page2 = String(
                buffer: try await client.execute(uri: "/referrals?service=SALT&status=waiting&page=2", method: .get, headers: leader.headers).body)
            #expect(page2.contains("51 to \(min(100, salt.count)) of \(salt.count)"), "the page says where it is")
            #expect(page2.contains(#"<a href="/referrals?status=waiting&amp;service=SALT&amp;page=1" rel="prev">"#))
            #expect(!page2.contains(">Counselling<") && page2.contains(">Speech and language therapy<"))
            let found = String(
                buffer: try await client.execute(uri: "/referrals?pupil=\(one.request.pupilRef.lowercased())", method: .get, headers: leader.headers)
                    .body)
            #expect(found.contains(">\(one.request.pupilRef)<") && found.contains(" of ") && found.contains("Clear"))
            let school = try await Browser.signIn(client, h.sencoA)
            let theirs = try await client.execute(uri: "/referrals?school=\(Harness.schoolB)", method: .get, headers: school.headers)
            #expect(theirs.status == .notFound || theirs.status == .forbidden)
            let (fh, fb) = school.form([("note", "moved school")])
            let asked = try await client.execute(uri: "/referrals/\(one.id)/withdraw", method: .post, headers: fh, body: fb)
            #expect(asked.status == .ok && String(buffer: asked.body).contains("cannot be undone"))
            #expect(try h.state.db.referrals.find(one.id).status == .waiting, "asking changes nothing")
            let (ch, cb) = school.form([("note", "moved school"), ("confirm", "yes")])
            let done = try await client.execute(uri: "/referrals/\(one.id)/withdraw", method: .post, headers: ch, body: cb)
            #expect(done.headers[.location] == "/referrals/\(one.id)?done=withdraw")
        }
        #expect(try h.state.db.referrals.find(one.id).status == .withdrawn)
    }
}
