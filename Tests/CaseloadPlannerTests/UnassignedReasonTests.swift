import CaseloadCore
import CaseloadPlanner
import Testing

@Suite struct UnassignedReasonTests {
    func reasons(_ week: TinyWeek) -> [String: UnassignedSession] {
        let plan = WeekPlanner(options: PlannerOptions(iterations: 50)).plan(week.scenario)
        return Dictionary(uniqueKeysWithValues: plan.unassigned.map { ($0.session, $0) })
    }

    @Test func noSpecialistDeliversTheService() {
        var w = TinyWeek()
        w.add("ot", service: "OT")
        #expect(reasons(w)["ot"]?.code == .noService)
        #expect(reasons(w)["ot"]?.reason.contains("no specialist delivers OT") == true)
    }

    @Test func noSpecialistHasTheSkill() {
        var w = TinyWeek()
        w.add("aac", skills: ["AAC"])
        #expect(reasons(w)["aac"]?.code == .missingSkill)
        #expect(reasons(w)["aac"]?.reason.contains("skill AAC") == true)
    }

    @Test func pinnedSpecialistDoesNotWorkThoseDays() {
        var w = TinyWeek()
        w.add("pinned", pin: "salt-1", days: [.tue, .wed])
        #expect(reasons(w)["pinned"]?.code == .pinnedUnavailable)
        #expect(reasons(w)["pinned"]?.reason.contains("salt-1") == true)
    }

    @Test func nobodyWorksTheAllowedDays() {
        var w = TinyWeek()
        w.add("friday", days: [.fri])
        #expect(reasons(w)["friday"]?.code == .noAllowedDay)
    }

    @Test func windowTooShortForTheSession() {
        var w = TinyWeek()
        w.add("short", minutes: 30, earliest: "09:00", latestEnd: "09:20")
        #expect(reasons(w)["short"]?.code == .windowTooShort)
    }

    @Test func schoolOutOfReachWithinTheDay() {
        var w = TinyWeek()
        w.schools.append(School(id: "far", name: "Far Academy", location: GeoPoint(lat: 53.5, lon: -2.0)))
        w.add("far", school: "far")
        #expect(reasons(w)["far"]?.code == .outOfReach)
        #expect(reasons(w)["far"]?.reason.contains("Far Academy") == true)
    }

    @Test func capacityGoesToTheHigherPriority() {
        var w = TinyWeek()
        w.add("low", minutes: 400, priority: 30)
        w.add("high", minutes: 400, priority: 80)
        let r = reasons(w)
        #expect(r["low"]?.code == .capacity)
        #expect(r["high"] == nil)
    }

    /// In a re-plan the bookings kept in place fill the day: the reason says so, rather than
    /// blaming higher-priority work (kept bookings stay whatever their priority).
    @Test func keptBookingsInTheWayAreNamed() {
        var w = TinyWeek()
        w.add("kept", minutes: 400, priority: 100, earliest: "08:30", latestEnd: "15:10")
        w.add("new", minutes: 120, priority: 80)
        var options = PlannerOptions(iterations: 50)
        let plain = WeekPlanner(options: options).plan(w.scenario).unassigned.first { $0.session == "new" }
        #expect(plain?.code == .capacity && plain?.reason.contains("equal or higher priority") == true)
        #expect(plain?.reason.contains("kept") == false)
        options.locked = ["kept"]
        let replan = WeekPlanner(options: options).plan(w.scenario).unassigned.first { $0.session == "new" }
        #expect(replan?.code == .capacity && replan?.reason.contains("bookings kept from the published week") == true)
    }

    /// salt-1 can reach school A and is full; salt-2 is idle but its travel cap keeps it from A:
    /// the reason says reach binds, not the service's hours.
    @Test func reachBindsWhenTheOnlySpecialistsWhoCanReachAreFull() {
        var w = TinyWeek()
        var far = TinyWeek.specialist("salt-2", base: GeoPoint(lat: 51.6, lon: 0.0))
        far.maxTravelMinPerDay = 60
        w.specialists.append(far)
        w.add("high", minutes: 400, priority: 80)
        w.add("low", minutes: 400, priority: 30)
        let r = reasons(w)
        #expect(r["low"]?.code == .fullWithinReach)
        #expect(r["low"]?.reason.contains("salt-2") == true && r["low"]?.reason.contains("travel cap") == true)
    }

    @Test func preferredDaysAreFavouredNotRequired() {
        var w = TinyWeek()
        w.specialists = [TinyWeek.specialist("salt-1", base: GeoPoint(lat: 51.0, lon: 0.0), days: [.mon, .tue])]
        w.add("tuesday")
        w.sessions[0].preferredDays = [.tue]
        w.add("friday")
        w.sessions[1].preferredDays = [.fri]
        let plan = WeekPlanner(options: PlannerOptions(iterations: 50)).plan(w.scenario)
        let day = Dictionary(uniqueKeysWithValues: plan.routes.flatMap { r in r.stops.map { ($0.session, r.day) } })
        #expect(day["tuesday"] == .tue)
        #expect(day["friday"] != nil)  // booked on another day rather than none
    }
}
