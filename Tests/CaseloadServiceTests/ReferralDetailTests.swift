import CaseloadCore
import CaseloadFormats
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// Preferred days, a required skill, corrections to a referral and the figures a SENCO reads.
@Suite struct ReferralDetailTests {
    let urn = "100001"

    /// One school and the given EPs based at it.
    func trust(_ eps: [(id: String, skills: [String], days: [Weekday])]) throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        try db.roster.importSchools(
            [
                SchoolRecord(
                    urn: urn, name: "Alpha", phase: "Primary", location: GeoPoint(lat: 51.4, lon: 0.1),
                    pupils: 300, ehcPlans: 5, senSupport: 40)
            ], stamp: stamp)
        try db.roster.importSpecialists(
            eps.map { e in
                RosterEntry(
                    specialist: Specialist(
                        id: e.id, service: "EP", skills: e.skills, base: GeoPoint(lat: 51.4, lon: 0.1),
                        maxTravelMinPerDay: nil, maxSchoolsPerDay: nil,
                        days: e.days.map { WorkingDay(day: $0, start: ClockTime("08:30")!, end: ClockTime("16:30")!) }),
                    baseSchool: urn)
            }, stamp: stamp)
        return db
    }

    func refer(_ db: AppDatabase, _ fields: [(String, JSONValue)] = []) throws -> Referral {
        var object: [(String, JSONValue)] = [
            ("school", .string(urn)), ("pupil_ref", .string("P-\(fields.count)-1")), ("year_group", .number(3)),
            ("service", .string("EP")), ("area", .string("cognition_learning")), ("severity", .number(4)),
            ("apdr_cycles", .number(2)), ("consent", .bool(true)),
        ]
        object = object.filter { o in !fields.contains { $0.0 == o.0 } } + fields
        let r = try ReferralReader.request(.orderedObject(object), today: CalendarDate("2026-11-23")!)
        return try db.referrals.submit(r, decision: Threshold(config).evaluate(r), stamp: stamp)
    }

    func plan(_ db: AppDatabase) throws -> WeekTimetable {
        try WeeklyScheduler(db: db, config: config, options: PlannerOptions(iterations: 50)).schedule(week: week1, replan: false, stamp: stamp)
            .timetable
    }

    @Test func aPreferredDayIsFavouredButAnotherDayIsBetterThanNone() throws {
        let db = try trust([("ep-1", [], [.mon, .tue])])
        let tuesday = try refer(db, [("preferred_days", .string("tue"))])
        #expect(try plan(db).bookings.first { $0.referral == tuesday.id }?.day == .tue)  // Monday was free too

        let db2 = try trust([("ep-1", [], [.tue])])
        let monday = try refer(db2, [("preferred_days", .string("mon"))])
        let t = try plan(db2)
        #expect(t.bookings.first { $0.referral == monday.id }?.day == .tue)
        let referrals = Dictionary(uniqueKeysWithValues: try db2.referrals.all().map { ($0.id, $0) })
        #expect(TimetableRows.offPreference(t, referrals: referrals).map(\.0.referral) == [monday.id])

        let db3 = try trust([("ep-1", [], [.tue])])
        let only = try refer(db3, [("preferred_days", .string("mon")), ("days_only", .string("yes"))])
        let t3 = try plan(db3)
        #expect(t3.bookings.isEmpty)
        #expect(t3.unbooked.first { $0.referral == only.id }?.reason.contains("allowed days (mon)") == true)
    }

    @Test func aRequiredSkillIsHonouredAndAnUnknownOneRefused() throws {
        let db = try trust([("ep-1", [], [.mon]), ("ep-2", ["ADOS"], [.mon])])
        let ados = try refer(db, [("skill", .string("ADOS"))])
        #expect(try plan(db).bookings.first { $0.referral == ados.id }?.specialist == "ep-2")
        #expect(throws: StoreError.self) { try refer(db, [("skill", .string("AAC"))]) }
        #expect(throws: InputError.self) { try refer(db, [("skill", .string("ADOS\nSUMMARY:x"))]) }
    }

    @Test func aWaitingReferralIsCorrectedJudgedAgainAndAudited() throws {
        let db = try trust([("ep-1", [], [.mon])])
        let r = try refer(db)
        let editor = ReferralUpdating(db: db, config: config)
        let raised = try editor.update(
            r.id, patch: .orderedObject([("severity", .number(5)), ("flags", .string("safeguarding"))]),
            school: nil, note: "severity entered wrongly", stamp: stamp)
        #expect(raised.request.severity == 5 && raised.request.flags.safeguarding && raised.score > r.score)
        #expect(raised.request.pupilRef == r.request.pupilRef && raised.request.receivedOn == r.request.receivedOn)
        let audit = try #require(try db.auditLog(entity: "referral", id: "\(r.id)").last)
        #expect(audit.action == "update" && audit.detail.contains("severity") && audit.detail.contains("entered wrongly"))
        #expect(throws: InputError.self) {
            try editor.update(r.id, patch: .orderedObject([("received_on", .string("2020-01-01"))]), school: nil, stamp: stamp)
        }
        #expect(throws: InputError.self) { try editor.update(r.id, patch: .orderedObject([("severty", .number(1))]), school: nil, stamp: stamp) }
        #expect(throws: StoreError.self) {
            try editor.update(r.id, patch: .orderedObject([("severity", .number(1))]), school: "999999", stamp: stamp)
        }
        let lowered = try editor.update(r.id, patch: .orderedObject([("consent", .bool(false))]), school: nil, stamp: stamp)
        #expect(lowered.status == .declined && lowered.declineReasons.contains { $0.contains("consent") })
        #expect(throws: StoreError.self) { try editor.update(r.id, patch: .orderedObject([("consent", .bool(true))]), school: nil, stamp: stamp) }
    }

    @Test func theBandShownFollowsTheCurrentPriorityAndItsPartsAddUp() throws {
        let db = try trust([("ep-1", [], [.mon])])
        let old = ReferralRequest(
            school: urn, pupilRef: "P-9", yearGroup: 3, service: "EP", area: .cognitionAndLearning, severity: 3,
            apdrCycles: 2, consent: true, reason: "", receivedOn: CalendarDate("2026-01-05")!)
        _ = try db.referrals.submit(old, decision: Threshold(config).evaluate(old), stamp: stamp)
        let e = try #require(try db.referrals.waitingList(config: config, today: week1).first)
        #expect(e.band == config.band(for: e.priority))
        #expect(e.band != e.referral.band)  // 47 weeks of waiting moved it up
        #expect(Int(e.breakdown.total.rounded()) == e.priority && e.breakdown.waiting > 0)
    }

    @Test func namesAndOddValuesAreRefusedAsPupilReferencesAndDays() throws {
        let base: [(String, JSONValue)] = [
            ("school", .string(urn)), ("year_group", .number(3)), ("service", .string("EP")),
            ("area", .string("semh")), ("severity", .number(4)), ("consent", .bool(true)),
        ]
        for ref in ["Jane Doe", "Jane²", "Ⅻ-Jane", "Jane-٣", "Jåne-1"] {
            #expect(throws: InputError.self, "\(ref)") {
                try ReferralReader.request(.orderedObject(base + [("pupil_ref", .string(ref))]), today: week1)
            }
        }
        for days in ["sat", "monkey", "sun;mon"] {
            #expect(throws: InputError.self, "\(days)") {
                try ReferralReader.request(.orderedObject(base + [("pupil_ref", .string("P-1")), ("preferred_days", .string(days))]), today: week1)
            }
        }
        let typo = #expect(throws: InputError.self) {
            try ReferralReader.request(.orderedObject(base + [("pupil_ref", .string("P-1")), ("flag", .string("safeguarding"))]), today: week1)
        }
        #expect(typo?.field == "flag")
        let ok = try ReferralReader.request(
            .orderedObject(base + [("pupil_ref", .string("P-1")), ("preferred_days", .string("Monday;wed"))]), today: week1)
        #expect(ok.preferredDays == [.mon, .wed])
    }

    @Test func aRosterBreakReachesTheWeekAndThePlanKeepsIt() throws {
        let db = try AppDatabase.inMemory()
        try db.roster.importSchools(
            [
                SchoolRecord(
                    urn: urn, name: "Alpha", phase: "Primary", location: GeoPoint(lat: 51.4, lon: 0.1),
                    pupils: 300, ehcPlans: 5, senSupport: 40)
            ], stamp: stamp)
        let row: JSONValue = .orderedObject([
            ("id", .string("ep-1")), ("service", .string("EP")), ("base_urn", .string(urn)),
            ("days", .string("mon")), ("break_minutes", .string("30")), ("break_earliest", .string("12:00")),
            ("break_latest_end", .string("13:30")),
        ])
        let (entries, problems) = RosterReader.read([(2, row)], schools: [urn: GeoPoint(lat: 51.4, lon: 0.1)])
        #expect(problems.isEmpty)
        try db.roster.importSpecialists(entries, stamp: stamp)
        for k in 0..<8 { _ = try refer(db, [("pupil_ref", .string("B-\(k)"))]) }
        let t = try plan(db)
        #expect(t.scenario.specialists[0].days[0].rest == DayBreak(minutes: 30, earliest: ClockTime("12:00")!, latestEnd: ClockTime("13:30")!))
        #expect(!t.bookings.isEmpty)
        #expect(t.plan.routes.allSatisfy { $0.breakStart != nil })
        #expect(try check(t)["valid"] as? Bool == true)
    }

    @Test func theTrustsPupilReferenceShapeIsEnforced() throws {
        var strict = config
        strict.pupilRefPattern = "^[A-Z][0-9]{12}$"
        let r = ReferralRequest(
            school: urn, pupilRef: "P-9", yearGroup: 3, service: "EP", area: .cognitionAndLearning, severity: 3,
            apdrCycles: 2, consent: true, reason: "", receivedOn: week1)
        #expect(throws: InputError.self) { try Threshold(strict).check(r) }
        var upn = r
        upn.pupilRef = "A123456789012"
        try Threshold(strict).check(upn)
        #expect(throws: InputError.self) {
            try Threshold(config).check(
                ReferralRequest(
                    school: urn, pupilRef: "P-1", yearGroup: 3, service: "OT",
                    area: .socialEmotionalMentalHealth, severity: 3, apdrCycles: 2, consent: true, reason: "", receivedOn: week1))
        }
    }
}
