import CaseloadCore

/// Slack induction by string removals (Christiaens and Vanden Berghe, 2020): from a seed session,
/// walks out through the nearest schools and, in each specialist-day of its service met on the way, takes out a
/// string of consecutive stops around the session found there. Several neighbouring routes lose
/// a stretch each, so repair can re-thread visits across them rather than within one.
struct StringRemoval: DestroyOperator {
    /// Longest string taken from one route.
    let maxString = 8

    var name: String { "strings" }

    func destroy(_ sol: inout Solution, count: Int, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int] {
        guard let seed = randomPlaced(sol, p, &rng) else { return [] }
        let used = sol.routes.indices.reduce(0) { $0 + (sol.routes[$1].isEmpty ? 0 : 1) }
        let meanLength = max(1, sol.placedCount / max(1, used))
        let longest = min(maxString, meanLength + 2)
        let routes = max(1, 4 * count / (1 + longest))
        var chosen: [Int] = []
        var ruined = Set<Int>()
        for school in p.nearbySchools[p.school[seed]] where chosen.count < count && ruined.count < routes {
            for u in p.sessionsAtSchool[school] where p.service[u] == p.service[seed] && sol.vehicleOf[u] >= 0 {
                guard !ruined.contains(sol.vehicleOf[u]) else { continue }
                let v = sol.vehicleOf[u]
                ruined.insert(v)
                chosen += string(around: u, in: sol.routes[v], length: 1 + rng.below(longest), &rng)
                if chosen.count >= count || ruined.count >= routes { break }
            }
        }
        return take(chosen, from: &sol, p)
    }

    /// A run of `length` consecutive stops (fewer in a short route) that contains `u`.
    func string(around u: Int, in route: Route, length: Int, _ rng: inout SeededRandom) -> [Int] {
        guard let at = route.stops.firstIndex(of: u) else { return [] }
        let n = min(length, route.count)
        let lowest = max(0, at - n + 1)
        let highest = min(at, route.count - n)
        let first = lowest + rng.below(highest - lowest + 1)
        return Array(route.stops[first..<(first + n)])
    }

    /// A placed session chosen uniformly (by rejection: most sessions are placed), or `nil`.
    func randomPlaced(_ sol: Solution, _ p: PlanningProblem, _ rng: inout SeededRandom) -> Int? {
        for _ in 0..<64 {
            let u = rng.below(p.duration.count)
            if sol.vehicleOf[u] >= 0 { return u }
        }
        let placed = sol.vehicleOf.indices.filter { sol.vehicleOf[$0] >= 0 }
        return placed.isEmpty ? nil : placed[rng.below(placed.count)]
    }
}
