import CaseloadCore

/// The spec's knapsack upper bound on served priority: per service, sessions by priority per
/// minute into the service's working minutes (each day less the shortest round trip from base
/// to a school with a session of that service). No valid plan can beat it.
public enum UpperBound {
    /// The bound for `scenario`, rounded down as the checker does.
    public static func knapsack(_ scenario: WeekScenario) -> Int {
        let model = TravelModel(scenario.travel)
        let schools = Dictionary(uniqueKeysWithValues: scenario.schools.map { ($0.id, $0.location) })
        let byService = Dictionary(grouping: scenario.sessions, by: \.service)
        var bound = 0.0
        for (service, sessions) in byService.sorted(by: { $0.key < $1.key }) {
            let sites = Set(sessions.map(\.school)).compactMap { schools[$0] }
            var capacity = Double(capacityMinutes(service, sites, scenario, model))
            for s in sessions.sorted(by: { Double($0.priority) / Double($0.durationMin) > Double($1.priority) / Double($1.durationMin) }) {
                if capacity <= 0 { break }
                let take = min(1.0, capacity / Double(s.durationMin))
                bound += take * Double(s.priority)
                capacity -= take * Double(s.durationMin)
            }
        }
        return Int((bound + 1e-9).rounded(.down))
    }

    static func capacityMinutes(_ service: String, _ sites: [GeoPoint], _ scenario: WeekScenario, _ model: TravelModel) -> Int {
        var total = 0
        for sp in scenario.specialists where sp.service == service {
            let near = sites.map { 2 * model.minutes(sp.base, $0) }.min() ?? 0
            total += sp.days.reduce(0) { $0 + max(0, $1.end.minutes - $1.start.minutes - near) }
        }
        return total
    }
}
