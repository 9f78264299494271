import CaseloadCore
import CaseloadService
import Testing

/// The whole matrix: three roles × every action × their own, another's and the whole trust's things.
@Suite struct AccessPolicyTests {
    enum Expect: Equatable { case allowed, forbidden, notFound }

    static let senco = Identity(tokenId: 1, role: .senco(school: "100"))
    static let specialist = Identity(tokenId: 2, role: .specialist(id: "ep-1"))
    static let leader = Identity(tokenId: 3, role: .leader)
    static let schoolWork: Set<Action> = [.submitReferral, .readReferrals, .changeReferral, .readWaitingList, .readTimetable, .manageClosures]
    static let ownWeek: Set<Action> = [.readTimetable, .recordOutcomes, .reportAbsence, .manageCalendarFeed]

    func outcome(_ caller: Identity, _ action: Action, _ scope: Scope) -> Expect {
        switch AccessPolicy.denial(caller, action, scope) {
        case nil: .allowed
        case .forbidden?: .forbidden
        case .notFound?: .notFound
        }
    }

    @Test(arguments: Action.allCases)
    func everyRoleOnItsOwnAnothersAndTheTrusts(_ action: Action) {
        for scope in [Scope.trust, .school("100"), .school("200"), .specialist("ep-1"), .specialist("ep-2")] {
            #expect(outcome(Self.leader, action, scope) == .allowed)
        }
        let school = Self.schoolWork.contains(action)
        #expect(outcome(Self.senco, action, .school("100")) == (school ? .allowed : .forbidden))
        #expect(outcome(Self.senco, action, .school("200")) == (school ? .notFound : .forbidden))
        #expect(outcome(Self.senco, action, .trust) == .forbidden)
        #expect(outcome(Self.senco, action, .specialist("ep-1")) == .forbidden)
        let week = Self.ownWeek.contains(action)
        #expect(outcome(Self.specialist, action, .specialist("ep-1")) == (week ? .allowed : .forbidden))
        #expect(outcome(Self.specialist, action, .specialist("ep-2")) == (week ? .notFound : .forbidden))
        #expect(outcome(Self.specialist, action, .school("100")) == .forbidden)
        #expect(outcome(Self.specialist, action, .trust) == .forbidden)
    }

    /// A person with two roles gets, for every action and scope, what either role alone would
    /// get, the more permissive first; refused by both, not found wins (nothing is revealed).
    @Test(arguments: Action.allCases)
    func aPersonWithTwoRolesGetsTheUnionAndNothingMore(_ action: Action) {
        let pairs: [(Identity, Identity)] = [
            (Self.senco, Self.specialist), (Self.senco, Identity(tokenId: 4, role: .senco(school: "300"))), (Self.specialist, Self.leader),
        ]
        for (a, b) in pairs {
            let both = Identity(person: PersonName(id: 9, name: "Two Roles"), roles: a.roles + b.roles, via: "test")
            for scope in [Scope.trust, .school("100"), .school("200"), .school("300"), .specialist("ep-1"), .specialist("ep-2")] {
                let one = outcome(a, action, scope)
                let other = outcome(b, action, scope)
                let expected: Expect =
                    one == .allowed || other == .allowed ? .allowed : (one == .notFound || other == .notFound ? .notFound : .forbidden)
                #expect(outcome(both, action, scope) == expected, "\(a.roles + b.roles) \(action) \(scope)")
            }
        }
    }

    @Test func aListingIsConfinedToTheCallersOwn() throws {
        #expect(try AccessPolicy.scope(Self.senco, .readWaitingList, school: nil) == .school("100"))
        #expect(throws: AccessDenied.notFound("no school 200 for this token")) { try AccessPolicy.scope(Self.senco, .readReferrals, school: "200") }
        #expect(try AccessPolicy.scope(Self.specialist, .readTimetable, school: "100") == .specialist("ep-1"))
        #expect(throws: AccessDenied.self) { try AccessPolicy.scope(Self.specialist, .readTimetable, school: nil, specialist: "ep-2") }
        #expect(try AccessPolicy.scope(Self.leader, .readReferrals, school: nil) == .trust)
        #expect(try AccessPolicy.scope(Self.leader, .readReferrals, school: "200") == .school("200"))
    }
}
