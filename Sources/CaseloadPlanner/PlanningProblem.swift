import CaseloadCore

/// One specialist on one working day: a vehicle in routing terms.
struct Vehicle: Sendable {
    var specialist: Int
    var day: Weekday
    var base: Int
    var start: Int
    var end: Int
    var travelCap: Int
    var schoolCap: Int
    /// The day's break: minutes (0 for none) inside `breakEarly`–`breakLate`.
    var breakMinutes = 0, breakEarly = 0, breakLate = 0
}

/// The scenario compiled to dense integer arrays for the search.
///
/// Points `0..<schools.count` are schools, the rest are specialists' bases.
struct PlanningProblem: Sendable {
    let scenario: WeekScenario
    let pointCount: Int
    /// Travel minutes, row-major `pointCount × pointCount`.
    let travel: [Int32]
    let vehicles: [Vehicle]
    let school: [Int], duration: [Int], priority: [Int]
    /// Earliest and latest start of each session (its own window only).
    let early: [Int], late: [Int]
    /// Vehicles allowed to take each session and able to reach it in a day.
    let candidates: [[Int]]
    /// Sessions each vehicle may take.
    let sessionsOfVehicle: [[Int]]
    /// Vehicles of the same specialist, indexed by specialist.
    let vehiclesOfSpecialist: [[Int]]
    /// Sessions the search must not take out once placed.
    let locked: [Bool]
    /// Each session's preferred days as a bit mask (bit `day.index`); 0 when it has none.
    let preferred: [UInt8]
    /// Travel minutes the search will spend to book a session on one of its preferred days.
    static let offPreferencePenalty = 20

    /// The cost, in travel minutes, of placing `u` on vehicle `v`'s day rather than a preferred one.
    @inline(__always) func penalty(_ u: Int, _ v: Int) -> Int {
        let mask = preferred[u]
        return mask == 0 || mask & (1 << UInt8(vehicles[v].day.index)) != 0 ? 0 : PlanningProblem.offPreferencePenalty
    }

    @inline(__always) func t(_ a: Int, _ b: Int) -> Int { Int(travel[a &* pointCount &+ b]) }

    init(_ scenario: WeekScenario, locked lockedIds: Set<String> = []) {
        self.scenario = scenario
        locked = scenario.sessions.map { lockedIds.contains($0.id) }
        preferred = scenario.sessions.map { s in (s.preferredDays ?? []).reduce(UInt8(0)) { $0 | (1 << UInt8($1.index)) } }
        let schoolIndex = Dictionary(uniqueKeysWithValues: scenario.schools.enumerated().map { ($1.id, $0) })
        let points = scenario.schools.map(\.location) + scenario.specialists.map(\.base)
        pointCount = points.count
        travel = PlanningProblem.matrix(points, TravelModel(scenario.travel))
        let vehicles = PlanningProblem.vehicles(scenario, firstBase: scenario.schools.count)
        self.vehicles = vehicles
        var bySpecialist = Array(repeating: [Int](), count: scenario.specialists.count)
        for (v, veh) in vehicles.enumerated() { bySpecialist[veh.specialist].append(v) }
        vehiclesOfSpecialist = bySpecialist
        school = scenario.sessions.map { schoolIndex[$0.school]! }
        duration = scenario.sessions.map(\.durationMin)
        priority = scenario.sessions.map(\.priority)
        early = scenario.sessions.map { $0.earliest?.minutes ?? 0 }
        late = scenario.sessions.map { ($0.latestEnd?.minutes ?? 100_000) - $0.durationMin }
        var cands: [[Int]] = []
        var byVehicle = Array(repeating: [Int](), count: vehicles.count)
        let eligibility = Eligibility(scenario)
        let reach = Reach(
            travel: travel, pointCount: pointCount, vehicles: vehicles, school: school,
            duration: duration, early: early, late: late)
        for u in scenario.sessions.indices {
            let list = eligibility.vehicles(for: u, bySpecialist: bySpecialist, vehicles: vehicles).filter { reach.reaches(u, $0) }
            cands.append(list)
            for v in list { byVehicle[v].append(u) }
        }
        candidates = cands
        sessionsOfVehicle = byVehicle
    }

    static func matrix(_ points: [GeoPoint], _ model: TravelModel) -> [Int32] {
        let n = points.count
        var m = [Int32](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let v = Int32(model.minutes(points[i], points[j]))
                m[i * n + j] = v
                m[j * n + i] = v
            }
        }
        return m
    }

    static func vehicles(_ scenario: WeekScenario, firstBase: Int) -> [Vehicle] {
        var out: [Vehicle] = []
        for (i, sp) in scenario.specialists.enumerated() {
            for d in sp.days.sorted(by: { $0.day < $1.day }) {
                var v = Vehicle(
                    specialist: i, day: d.day, base: firstBase + i, start: d.start.minutes,
                    end: d.end.minutes, travelCap: sp.maxTravelMinPerDay ?? Int.max / 4,
                    schoolCap: sp.maxSchoolsPerDay ?? Int.max / 4)
                if let rest = d.rest {
                    v.breakMinutes = rest.minutes; v.breakEarly = rest.earliest.minutes; v.breakLate = rest.latestEnd.minutes
                }
                out.append(v)
            }
        }
        return out
    }
}

/// Whether a specialist-day can fit a session on its own: there and back within the day,
/// the travel cap and the session's window.
struct Reach {
    let travel: [Int32], pointCount: Int, vehicles: [Vehicle]
    let school: [Int], duration: [Int], early: [Int], late: [Int]

    func reaches(_ u: Int, _ v: Int) -> Bool {
        let veh = vehicles[v]
        let leg = Int(travel[veh.base * pointCount + school[u]]), back = Int(travel[school[u] * pointCount + veh.base])
        let start = max(veh.start + leg, early[u])
        return start <= late[u] && start + duration[u] + back <= veh.end
            && leg + back <= veh.travelCap && veh.schoolCap >= 1
    }
}
