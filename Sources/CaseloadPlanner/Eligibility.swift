import CaseloadCore

/// Which specialist-days a session may go to by its rules alone: service, skills, pin and days.
struct Eligibility: Sendable {
    let scenario: WeekScenario
    let specialistIndex: [String: Int]
    let specialistsOfService: [String: [Int]]

    init(_ scenario: WeekScenario) {
        self.scenario = scenario
        specialistIndex = Dictionary(uniqueKeysWithValues: scenario.specialists.enumerated().map { ($1.id, $0) })
        specialistsOfService = Dictionary(grouping: scenario.specialists.indices) { scenario.specialists[$0].service }
    }

    /// Does specialist `sp` qualify for session `u` (service, skills, pin), ignoring days?
    func qualifies(_ u: Int, specialist sp: Int) -> Bool {
        let s = scenario.sessions[u]
        let spec = scenario.specialists[sp]
        guard spec.service == s.service else { return false }
        if let pin = s.specialist, specialistIndex[pin] != sp { return false }
        return s.skills.allSatisfy(spec.skills.contains)
    }

    /// Is `day` allowed for session `u`?
    func allows(_ u: Int, day: Weekday) -> Bool {
        scenario.sessions[u].days?.contains(day) ?? true
    }

    /// Vehicles whose specialist qualifies and whose day is allowed, in vehicle order.
    func vehicles(for u: Int, bySpecialist: [[Int]], vehicles: [Vehicle]) -> [Int] {
        let pool = specialistsOfService[scenario.sessions[u].service] ?? []
        return pool.filter { qualifies(u, specialist: $0) }
            .flatMap { bySpecialist[$0] }
            .filter { allows(u, day: vehicles[$0].day) }
            .sorted()
    }
}
