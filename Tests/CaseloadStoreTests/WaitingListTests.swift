import CaseloadCore
import Testing

@Suite struct WaitingListTests {
    /// A waiting referral whose request earns `score` under the trust's weights (10 a severity
    /// level, plus its flags): the list scores every referral under the weights in force.
    func referral(_ id: Int64, score: Int, received: String, school: String = "A", flags: ReferralFlags = ReferralFlags()) -> Referral {
        let flagPoints = Threshold(config).score(request(school: school, severity: 1, flags: flags)) - 10
        let r = request(school: school, severity: (score - flagPoints) / 10, flags: flags, received: received)
        #expect(Threshold(config).score(r) == score, "a request scoring \(score) needs a severity the weights allow")
        return Referral(id: id, request: r, pathway: "assessment", status: .waiting, score: score, band: config.band(for: score), declineReasons: [])
    }

    @Test func theListScoresUnderTheWeightsInForceNotThoseOfIntake() {
        var intake = referral(1, score: 40, received: "2026-11-23")
        intake.score = 90  // scored under heavier weights on its day
        #expect(plainList.entries([intake], today: CalendarDate("2026-11-23")!, capacity: [])[0].priority == 40)
    }

    var plainList: WaitingList {
        var c = config
        c.fairShare.maxPoints = 0
        return WaitingList(config: c, fairShare: FairShare(schools: [], rule: c.fairShare))
    }

    @Test func ageingRaisesPriorityWeekByWeek() {
        let r = referral(1, score: 40, received: "2026-11-02")
        let weeks = ["2026-11-02", "2026-11-09", "2026-11-30", "2027-01-25"].map {
            plainList.entries([r], today: CalendarDate($0)!, capacity: []).first!
        }
        #expect(weeks.map(\.weeksWaited) == [0, 1, 4, 12])
        #expect(weeks.map(\.priority) == [40, 42, 46, 58])  // 1.5 points a week, rounded
        #expect(weeks.map(\.breached) == [false, false, false, false])
        #expect(plainList.entries([r], today: CalendarDate("2027-03-01")!, capacity: [])[0].breached)  // 17 weeks > 16
    }

    @Test func olderReferralOvertakesAHigherNewOne() {
        let old = referral(1, score: 40, received: "2026-09-07")
        let new = referral(2, score: 50, received: "2026-11-23")
        let list = plainList.entries([new, old], today: CalendarDate("2026-11-23")!, capacity: [])
        #expect(list.map(\.referral.id) == [1, 2])  // 40 + 11 weeks × 1.5 = 56.5 > 50
    }

    @Test func statutoryDeadlineClimbsToTheDeadlineWeek() {
        let r = referral(1, score: 35, received: "2026-11-02", flags: ReferralFlags(ehcNeedsAssessment: true))
        let at = { (day: String) in self.plainList.entries([r], today: CalendarDate(day)!, capacity: [])[0] }
        #expect(at("2026-11-02").statutoryDeadline == CalendarDate("2026-12-14"))
        #expect(at("2026-11-16").priority == 35 + 3)  // week 2: climb starts, ageing 3
        #expect(at("2026-11-30").priority == 35 + 6 + 20)  // week 4: half of 40
        #expect(at("2026-12-14").priority == 35 + 9 + 40)  // week 6: all 40
    }

    @Test func fairShareLiftsTheSchoolBelowItsShare() {
        let schools = [
            SchoolNeed(urn: "A", pupils: 300, senSupport: 40, ehcPlans: 5), SchoolNeed(urn: "B", pupils: 300, senSupport: 40, ehcPlans: 5),
        ]
        let share = FairShare(schools: schools, rule: config.fairShare)
        #expect(share.entitlement["A"] == 0.5)
        #expect(share.points(school: "A", received: 0) == 10)
        #expect(share.points(school: "A", received: 0.25) == 5)
        #expect(share.points(school: "A", received: 0.6) == 0)
        let list = WaitingList(config: config, fairShare: share, received: ["EP": ["A": 0.9, "B": 0.1]])
        let a = referral(1, score: 40, received: "2026-11-23", school: "A")
        let b = referral(2, score: 40, received: "2026-11-23", school: "B")
        let entries = list.entries([a, b], today: CalendarDate("2026-11-23")!, capacity: [])
        #expect(entries.map(\.referral.id) == [2, 1])
        #expect(entries.map(\.priority) == [48, 40])  // B: 10 × (0.5 − 0.1) / 0.5 = 8
    }

    @Test func firstSessionWeekFillsCapacityInOrder() {
        let rs = (1...5).map { referral(Int64($0), score: 60 - 10 * $0, received: "2026-11-23") }  // 180-minute assessments
        let list = plainList.entries(rs, today: CalendarDate("2026-11-25")!, capacity: [ServiceCapacity(service: "EP", minutesPerWeek: 360)])
        #expect(list.map { $0.estimatedFirstWeek!.description } == ["2026-11-30", "2026-11-30", "2026-12-07", "2026-12-07", "2026-12-14"])
        #expect(plainList.entries(rs, today: CalendarDate("2026-11-25")!, capacity: [])[0].estimatedFirstWeek == nil)
    }
}

@Suite struct WaitingPlaceTests {
    /// Placing one new referral into a built list agrees with rebuilding the whole list.
    @Test func placingANewReferralMatchesRebuildingTheList() {
        let list = WaitingList(config: config, fairShare: FairShare(schools: [], rule: config.fairShare))
        let today = CalendarDate("2026-11-25")!
        let existing = (1...40).map { k in
            Referral(
                id: Int64(k), request: request(pupil: "P-\(k)", severity: 1 + k % 5, received: "2026-\(k % 2 == 0 ? "10" : "09")-0\(1 + k % 9)"),
                pathway: "assessment", status: .waiting, score: 10 + (k * 7) % 50, band: "routine", declineReasons: [])
        }
        let new = Referral(
            id: 99, request: request(pupil: "P-99", received: "2026-11-02"), pathway: "assessment", status: .waiting,
            score: 41, band: "routine", declineReasons: [])
        let capacity = [ServiceCapacity(service: "EP", minutesPerWeek: 400)]
        let sorted = list.entries(existing, today: today, capacity: capacity)
        let (_, placed) = list.place(list.entry(new, today: today), in: sorted, today: today, capacity: capacity[0])
        let rebuilt = list.entries(existing + [new], today: today, capacity: capacity).first { $0.referral.id == 99 }!
        #expect(placed.position == rebuilt.position)
        #expect(placed.estimatedFirstWeek == rebuilt.estimatedFirstWeek)
        #expect(placed.priority == rebuilt.priority)
    }
}
