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
    let reachable: [[Int]]
    /// The vehicles the search tries for each session: those of `reachable` whose specialist is
    /// among the `nearestSpecialists` nearest to its school (all of them in a trust's week; in a
    /// county of hundreds of specialists, the far ones would only cost time to try).
    let candidates: [[Int]]
    /// Sessions each vehicle may take in the search (the inverse of `candidates`).
    let sessionsOfVehicle: [[Int]]
    /// How many specialists, nearest first, the search considers for a session.
    static let nearestSpecialists = 12
    /// Vehicles of the same specialist, indexed by specialist.
    let vehiclesOfSpecialist: [[Int]]
    /// Sessions the search must not take out once placed.
    let locked: [Bool]
    /// Each session's service, as an index into the services the week names.
    let service: [Int]
    /// Each school's nearest schools by travel, itself first (at most `nearbyCount`).
    let nearbySchools: [[Int]]
    /// The sessions at each school.
    let sessionsAtSchool: [[Int]]
    static let nearbyCount = 50
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
        let services = Dictionary(Set(scenario.sessions.map(\.service)).sorted().enumerated().map { ($1, $0) }) { a, _ in a }
        service = scenario.sessions.map { services[$0.service]! }
        nearbySchools = PlanningProblem.nearby(schools: scenario.schools.count, travel, pointCount)
        var atSchool = Array(repeating: [Int](), count: scenario.schools.count)
        for (u, s) in school.enumerated() { atSchool[s].append(u) }
        sessionsAtSchool = atSchool
        early = scenario.sessions.map { $0.earliest?.minutes ?? 0 }
        late = scenario.sessions.map { ($0.latestEnd?.minutes ?? 100_000) - $0.durationMin }
        var cands: [[Int]] = []
        var full: [[Int]] = []
        var byVehicle = Array(repeating: [Int](), count: vehicles.count)
        let eligibility = Eligibility(scenario)
        let reach = Reach(
            travel: travel, pointCount: pointCount, vehicles: vehicles, school: school,
            duration: duration, early: early, late: late)
        for u in scenario.sessions.indices {
            let list = eligibility.vehicles(for: u, bySpecialist: bySpecialist, vehicles: vehicles).filter { reach.reaches(u, $0) }
            full.append(list)
            let near = reach.nearest(list, to: u, specialists: PlanningProblem.nearestSpecialists)
            cands.append(near)
            for v in near { byVehicle[v].append(u) }
        }
        reachable = full
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

    /// For each of the first `schools` points, the nearest `nearbyCount` of them (itself first).
    static func nearby(schools: Int, _ travel: [Int32], _ n: Int) -> [[Int]] {
        (0..<schools).map { a in
            let key = { (b: Int) -> Int in Int(travel[a * n + b]) * 2 + (b == a ? 0 : 1) }
            let order = (0..<schools).sorted { key($0) != key($1) ? key($0) < key($1) : $0 < $1 }
            return Array(order.prefix(nearbyCount))
        }
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
                    v.breakMinutes = rest.minutes
                    v.breakEarly = rest.earliest.minutes
                    v.breakLate = rest.latestEnd.minutes
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
        let leg = Int(travel[veh.base * pointCount + school[u]])
        let back = Int(travel[school[u] * pointCount + veh.base])
        let start = max(veh.start + leg, early[u])
        return start <= late[u] && start + duration[u] + back <= veh.end
            && leg + back <= veh.travelCap && veh.schoolCap >= 1
    }

    /// The vehicles of `list` (in its order) whose specialist is one of the `specialists` whose
    /// bases are nearest to `u`'s school (ties by specialist index).
    func nearest(_ list: [Int], to u: Int, specialists: Int) -> [Int] {
        let people = Set(list.map { vehicles[$0].specialist })
        guard people.count > specialists else { return list }
        let minutes = { (v: Int) in Int(self.travel[self.vehicles[v].base * self.pointCount + self.school[u]]) }
        let bases = Dictionary(list.map { (vehicles[$0].specialist, minutes($0)) }, uniquingKeysWith: min)
        let kept = Set(bases.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(specialists).map(\.key))
        return list.filter { kept.contains(vehicles[$0].specialist) }
    }
}
