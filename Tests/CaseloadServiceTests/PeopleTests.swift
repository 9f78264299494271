import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// The trust's people: added, changed and switched off by a leader only; a person's roles make
/// one identity that may do what any role may and nothing more; switching off stops their keys
/// and calendar feeds at once; the staff list is taken whole or not at all.
@Suite struct PeopleTests {
    let leader = Identity(tokenId: 1, role: .leader)
    let schoolA = "136156", schoolB = "136281"

    func jane(_ roles: [Role]) -> PersonDetails {
        PersonDetails(name: "Jane Smith", email: "Jane.Smith@Havant.example", roles: roles)
    }

    @Test func aLeaderAddsChangesAndListsPeopleAndNoOneElseMay() throws {
        let db = try demoTrust()
        let people = People(db: db)
        let added = try people.add(jane([.senco(school: schoolA)]), by: leader, stamp: stamp)
        #expect(added.email == "jane.smith@havant.example", "addresses are kept in lower case")
        let changed = try people.change(added.id, PersonDetails(roles: [.senco(school: schoolA), .senco(school: schoolB)]), by: leader, stamp: stamp)
        #expect(Set(changed.roles) == [.senco(school: schoolA), .senco(school: schoolB)])
        #expect(try people.list(by: leader).map(\.name) == ["Jane Smith"])
        let senco = try #require(changed.identity(via: "test"))
        #expect(throws: AccessDenied.self) { try people.list(by: senco) }
        #expect(throws: StoreError.self) { try people.add(jane([.leader]), by: leader, stamp: stamp) }  // the same address
        let wrong = PersonDetails(name: "X", email: "not-an-address", roles: [.leader])
        let error = try #require(throws: InputError.self) { try people.add(wrong, by: leader, stamp: stamp) }
        #expect(error.field == "email")
        #expect(throws: StoreError.self) {
            try people.add(PersonDetails(name: "Y", email: "y@a.example", roles: [.senco(school: "999999")]), by: leader, stamp: stamp)
        }
        #expect(try db.auditLog(entity: "person").map(\.action) == ["create", "change"])
    }

    @Test func aPersonWithTwoRolesMayDoWhatEitherMayAndNothingMore() throws {
        let twoSchools = Identity(person: .init(id: 1, name: "Jane"), roles: [.senco(school: "A"), .senco(school: "B")], via: "t")
        #expect(AccessPolicy.allows(twoSchools, .readReferrals, .school("A")) && AccessPolicy.allows(twoSchools, .readReferrals, .school("B")))
        #expect(AccessPolicy.denial(twoSchools, .readReferrals, .school("C")) == .notFound("no school C for this token"))
        #expect(!AccessPolicy.allows(twoSchools, .planWeek, .trust) && !AccessPolicy.allows(twoSchools, .readTimetable, .specialist("ep-1")))
        #expect(try AccessPolicy.scope(twoSchools, .readReferrals, school: nil) == .school("A"))
        #expect(try AccessPolicy.scope(twoSchools, .readReferrals, school: "B") == .school("B"))
        let leadingSpecialist = Identity(person: .init(id: 2, name: "Lee"), roles: [.specialist(id: "ep-1"), .leader], via: "t")
        #expect(leadingSpecialist.role == .leader && leadingSpecialist.specialist == "ep-1")
        #expect(
            AccessPolicy.allows(leadingSpecialist, .planWeek, .trust) && AccessPolicy.allows(leadingSpecialist, .recordOutcomes, .specialist("ep-1")))
        let specialistAndSenco = Identity(person: .init(id: 3, name: "Sam"), roles: [.specialist(id: "ep-1"), .senco(school: "A")], via: "t")
        #expect(AccessPolicy.allows(specialistAndSenco, .recordOutcomes, .specialist("ep-1")))
        #expect(!AccessPolicy.allows(specialistAndSenco, .recordOutcomes, .specialist("ep-2")))
        #expect(!AccessPolicy.allows(specialistAndSenco, .readReferrals, .school("B")) && !AccessPolicy.allows(specialistAndSenco, .planWeek, .trust))
        #expect(specialistAndSenco.actor == "Sam (person 3), t")
    }

    @Test func switchingSomeoneOffStopsTheirKeysAndCalendarFeedsAtOnce() throws {
        let db = try demoTrust()
        let people = People(db: db)
        let sam = try people.add(
            PersonDetails(name: "Sam Okafor", email: "sam@trust.example", roles: [.specialist(id: "salt-3")]), by: leader, stamp: stamp)
        let key = try people.newKey(for: sam.id, label: "", days: 30, by: leader, stamp: stamp)
        let viaKey = try #require(try db.access.identity(secret: key.secret))
        #expect(viaKey.person?.name == "Sam Okafor" && viaKey.roles == [.specialist(id: "salt-3")])
        #expect(viaKey.actor == "Sam Okafor (person \(sam.id)), key \(key.id)")
        let feed = try CalendarFeeds(db: db).renew("salt-3", by: viaKey, stamp: stamp)
        #expect(try db.access.calendarFeed(secret: feed) != nil)
        _ = try people.change(sam.id, PersonDetails(roles: [.specialist(id: "salt-3"), .leader]), by: leader, stamp: stamp)
        #expect(try db.access.identity(secret: key.secret)?.isLeader == true, "a person's key acts with the roles they hold now")
        _ = try people.setDisabled(sam.id, true, by: leader, stamp: stamp)
        #expect(try db.access.identity(secret: key.secret) == nil)
        #expect(try db.people.identity(person: sam.id, via: "sign-in") == nil)
        #expect(try db.access.calendarFeed(secret: feed) == nil, "his feed stops with him")
        _ = try people.setDisabled(sam.id, false, by: leader, stamp: stamp)
        #expect(try db.access.identity(secret: key.secret) == nil, "his old key stays revoked")
        #expect(try db.access.calendarFeed(secret: feed) != nil)
        let me = try #require(try db.people.identity(person: sam.id, via: "t"))
        #expect(throws: StoreError.self) { try people.setDisabled(sam.id, true, by: me, stamp: stamp) }  // not oneself
    }

    @Test func aFeedAskedForWithAnIntegrationsKeyStopsWhenTheKeyIsRevoked() throws {
        let db = try demoTrust()
        let (id, secret) = try db.access.createToken(role: .specialist(id: "salt-3"), label: "salt-3's phone", stamp: stamp)
        let caller = try #require(try db.access.identity(secret: secret))
        #expect(caller.person == nil && caller.actor == "integration 'salt-3's phone', key \(id), specialist:salt-3")
        let feed = try CalendarFeeds(db: db).renew("salt-3", by: caller, stamp: stamp)
        #expect(try db.access.calendarFeed(secret: feed) != nil)
        try db.access.revokeToken(id, stamp: stamp)
        #expect(try db.access.calendarFeed(secret: feed) == nil)
        #expect(throws: StoreError.self) { try db.access.createToken(role: .leader, label: " ", stamp: stamp) }  // an integration is named
    }

    @Test func theStaffListIsTakenWholeOrNotAtAll() throws {
        let db = try demoTrust()
        let people = People(db: db)
        _ = try people.add(jane([.senco(school: schoolA)]), by: leader, stamp: stamp)
        let csv = """
            name,email,roles,job title
            Jane Smith,jane.smith@havant.example,senco:136156;senco:136281,SENCO
            Lee Grant,lee.grant@trust.example,leader,Director of inclusion
            Sam Okafor,sam@trust.example,specialist:salt-3,SALT
            """
        #expect(try people.importStaff(csv, by: leader, stamp: stamp) == (added: 2, changed: 1))
        #expect(try db.people.all().first { $0.name == "Jane Smith" }?.roles.count == 2)
        let bad = """
            name,email,roles
            Ann New,ann@trust.example,leader
            Bob,bob@trust.example,headteacher
            ,carl@trust.example,leader
            """
        let error = try #require(throws: StoreError.self) { try people.importStaff(bad, by: leader, stamp: stamp) }
        #expect(error.description.contains("line 3: roles") && error.description.contains("line 4: name"), "\(error)")
        #expect(try db.people.all().count == 3, "nothing of the bad list was stored")
        let unknownSchool = "name,email,roles\nAnn New,ann@trust.example,leader\nDee,dee@trust.example,senco:999999\n"
        #expect(throws: StoreError.self) { try people.importStaff(unknownSchool, by: leader, stamp: stamp) }
        #expect(try db.people.all().count == 3, "a row the database refuses stores nothing either")
    }

    @Test func aSignInMatchesByStoredSubjectOrVerifiedEmailOnly() throws {
        let db = try demoTrust()
        let added = try People(db: db).add(jane([.senco(school: schoolA)]), by: leader, stamp: stamp)
        let signing = SigningIn(db: db)
        let issuer = "https://login.example/tenant"
        let unverified = SignInAccount(issuer: issuer, subject: "s-1", email: "jane.smith@havant.example", emailVerified: false)
        #expect(throws: SignInRefused.unknown("jane.smith@havant.example")) {
            try signing.identity(unverified, allowedDomains: [], via: "t", stamp: stamp)
        }
        let verified = SignInAccount(issuer: issuer, subject: "s-1", email: "JANE.SMITH@havant.example", emailVerified: true)
        #expect(try signing.identity(verified, allowedDomains: ["havant.example"], via: "sign-in", stamp: stamp).person?.id == added.id)
        let moved = SignInAccount(issuer: issuer, subject: "s-1", email: "j.smith@new.example", emailVerified: true)
        #expect(try signing.identity(moved, allowedDomains: [], via: "t", stamp: stamp).person?.id == added.id, "the stored subject finds her")
        let impostor = SignInAccount(issuer: issuer, subject: "s-2", email: "jane.smith@havant.example", emailVerified: true)
        #expect(throws: SignInRefused.self) { try signing.identity(impostor, allowedDomains: [], via: "t", stamp: stamp) }
        let otherIssuer = SignInAccount(issuer: "https://elsewhere.example", subject: "s-1", email: nil, emailVerified: false)
        #expect(throws: SignInRefused.self) { try signing.identity(otherIssuer, allowedDomains: [], via: "t", stamp: stamp) }
        #expect(throws: SignInRefused.domain("jane.smith@havant.example")) {
            try signing.identity(verified, allowedDomains: ["trust.example"], via: "t", stamp: stamp)
        }
        _ = try People(db: db).setDisabled(added.id, true, by: leader, stamp: stamp)
        #expect(throws: SignInRefused.switchedOff("Jane Smith")) { try signing.identity(verified, allowedDomains: [], via: "t", stamp: stamp) }
    }
}
