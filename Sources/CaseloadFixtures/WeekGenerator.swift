import CaseloadCore
import Foundation

/// Builds a realistic week for a trust: specialists based where the need is, and more
/// requested sessions than they can deliver, as on a real waiting list.
public struct WeekGenerator: Sendable {
    /// What to generate.
    public struct Settings: Sendable {
        public var name: String
        public var weekStart: String
        public var seed: UInt64
        /// Specialists per service, e.g. `["EP": 3, "SALT": 5, "COUNSELLING": 4]`.
        public var specialists: [String: Int]
        /// Requested minutes over working minutes, per service (used when `sessions` is nil).
        public var demandFactor: Double = 1.8
        /// Exact number of sessions instead of `demandFactor`.
        public var sessions: Int?
        public var travel = TravelSettings.standard

        /// Settings with the defaults (demand 1.8 × capacity, standard travel model).
        public init(
            name: String, weekStart: String, seed: UInt64, specialists: [String: Int],
            demandFactor: Double = 1.8, sessions: Int? = nil
        ) {
            self.name = name
            self.weekStart = weekStart
            self.seed = seed
            self.specialists = specialists
            self.demandFactor = demandFactor
            self.sessions = sessions
        }
    }

    public let schools: [SchoolRecord]
    public let settings: Settings
    let profiles = ServiceProfile.standard

    /// A generator over `schools` (at least one).
    public init(schools: [SchoolRecord], settings: Settings) {
        self.schools = schools
        self.settings = settings
    }

    /// The week; the same settings always give the same scenario.
    public func scenario() -> WeekScenario {
        var rng = SeededRandom(seed: settings.seed)
        let active = profiles.filter { (settings.specialists[$0.service] ?? 0) > 0 }
        let team = active.map { SpecialistFactory(schools: schools).make($0, count: settings.specialists[$0.service]!, &rng) }
        let quotas = sessionQuotas(active, team)
        var sessions: [Session] = []
        for (k, profile) in active.enumerated() {
            var maker = SessionMaker(profile: profile, schools: schools, team: team[k], next: sessions.count + 1)
            sessions += maker.make(minutes: quotas[k].minutes, count: quotas[k].count, &rng)
        }
        return WeekScenario(
            name: settings.name, weekStart: settings.weekStart, travel: settings.travel,
            schools: schools.map { School(id: $0.urn, name: $0.name, location: $0.location) },
            specialists: team.flatMap { $0 }, sessions: sessions)
    }

    /// Per service: requested minutes (by demand factor) or a session count (by share of capacity).
    func sessionQuotas(_ active: [ServiceProfile], _ team: [[Specialist]]) -> [(minutes: Int, count: Int?)] {
        let capacity = team.map { $0.reduce(0) { $0 + $1.days.reduce(0) { $0 + $1.end.minutes - $1.start.minutes } } }
        guard let total = settings.sessions else {
            return capacity.map { (Int(Double($0) * settings.demandFactor), nil) }
        }
        let weights = zip(active, capacity).map { Double($1) / meanDuration($0) }
        let sum = weights.reduce(0, +)
        return weights.map { (Int.max, Int((Double(total) * $0 / sum).rounded())) }
    }

    func meanDuration(_ p: ServiceProfile) -> Double { p.kinds.reduce(0) { $0 + Double($1.duration) * $1.share } }
}
