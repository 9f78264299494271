import CaseloadCore
import CaseloadFixtures
import CaseloadTestSupport
import Foundation
import Testing

@testable import CaseloadPlanner

/// The search's own pieces, on real fixture weeks: the nearest-specialists lists, the polishing
/// that looks only where a solution changed, and string removal.
@Suite struct NeighbourhoodTests {
    /// A county with many more specialists per service than the search considers for a session.
    static func county() -> WeekScenario {
        let schools = CountyGenerator(schoolCount: 150, seed: 5).schools()
        return WeekGenerator(
            schools: schools,
            settings: .init(
                name: "c", weekStart: "2026-11-30", seed: 5, specialists: ["EP": 8, "SALT": 30, "COUNSELLING": 20],
                sessions: 1_400)
        ).scenario()
    }

    /// The search tries the nearest specialists only: never more than the set number, never one
    /// farther than a specialist it left out, and every one of them able to reach the session.
    @Test func candidatesAreTheNearestReachableSpecialists() {
        let p = PlanningProblem(NeighbourhoodTests.county())
        var trimmed = 0
        for u in p.duration.indices {
            let near = Set(p.candidates[u].map { p.vehicles[$0].specialist })
            let all = Set(p.reachable[u].map { p.vehicles[$0].specialist })
            #expect(Set(p.candidates[u]).isSubset(of: Set(p.reachable[u])))
            #expect(near.count == min(all.count, PlanningProblem.nearestSpecialists))
            let base = { (sp: Int) in p.t(p.vehicles[p.vehiclesOfSpecialist[sp][0]].base, p.school[u]) }
            let farthestKept = near.map(base).max() ?? 0
            #expect(all.subtracting(near).allSatisfy { base($0) >= farthestKept })
            if all.count > near.count { trimmed += 1 }
            for v in p.candidates[u] { #expect(p.sessionsOfVehicle[v].contains(u)) }
        }
        #expect(trimmed >= p.duration.count / 5, "SALT and counselling sessions have more than 12 specialists within reach")
    }

    /// In a trust's week every specialist within reach stays a candidate.
    @Test func aTrustsWeekKeepsEveryCandidate() throws {
        let p = PlanningProblem(try Repo.scenario("kemnal-w49.json"))
        #expect(p.candidates == p.reachable)
    }

    /// The default search's budget follows the sessions some specialist can reach: the same week
    /// with most schools out of every specialist's daily travel gets more iterations for the same
    /// work, never fewer than one round and never more than 150,000 per thread.
    @Test func theBudgetFollowsTheSessionsWithinReach() throws {
        var week = try Repo.scenario("kemnal-w49.json")
        let full = PlanningProblem(week)
        for k in week.specialists.indices { week.specialists[k].maxTravelMinPerDay = 20 }
        let capped = PlanningProblem(week)
        let placeable = { (p: PlanningProblem) in p.candidates.filter { !$0.isEmpty }.count }
        #expect(placeable(capped) < placeable(full) / 2, "a 20-minute cap leaves most schools out of reach")
        #expect(WeekPlanner.automaticBudget(full) == 15_000_000 / placeable(full))
        #expect(WeekPlanner.automaticBudget(capped) > WeekPlanner.automaticBudget(full))
        for p in [full, capped] {
            #expect((WeekPlanner.automaticIterations(p)...150_000).contains(WeekPlanner.automaticBudget(p)))
        }
    }

    /// Polishing around the routes that changed works there: the most important session taken
    /// out of a polished plan is put back, and most of what it was worth is won back.
    @Test func focusedPolishRepairsWhatChanged() throws {
        let p = PlanningProblem(try Repo.scenario("county-60.json"))
        var rng = SeededRandom(seed: 3)
        let polished = WeekPlanner().construct(p, &rng)
        var changed = polished
        let u = polished.vehicleOf.indices.filter { polished.vehicleOf[$0] >= 0 }.max { p.priority[$0] < p.priority[$1] }!
        let v = changed.remove(u, p)
        #expect(changed.served < polished.served)
        #expect(changed.vehicles(differingFrom: polished) == [v])
        LocalSearch().improve(&changed, p, &rng, around: [v])
        #expect(changed.vehicleOf[u] >= 0)
        #expect(changed.served > polished.served - p.priority[u] / 2)
        for r in changed.routes { #expect(r.isFeasible(p)) }
    }

    /// String removal takes runs of consecutive stops of the seed's service from neighbouring routes.
    @Test func stringRemovalTakesConsecutiveStopsOfOneService() throws {
        let p = PlanningProblem(try Repo.scenario("ormiston-w49.json"))
        var rng = SeededRandom(seed: 11)
        let start = WeekPlanner().construct(p, &rng)
        for round in 0..<20 {
            var sol = start
            let removed = StringRemoval().destroy(&sol, count: 12, p, &rng)
            #expect(!removed.isEmpty, "round \(round)")
            #expect(Set(removed.map { p.service[$0] }).count == 1)
            #expect(removed.count <= 12 + StringRemoval().maxString)
            for v in Set(removed.map { start.vehicleOf[$0] }) {
                let before = start.routes[v].stops
                let gone = before.indices.filter { removed.contains(before[$0]) }
                #expect(gone == Array(gone.first!...gone.last!), "one run per route")
                #expect(sol.routes[v].stops == before.filter { !removed.contains($0) })
            }
        }
    }

    /// A day swap trades two specialists' visits when each is at the other's end of the map.
    @Test func visitSwapTradesCrossedVisits() throws {
        var w = TinyWeek()
        w.specialists = [
            TinyWeek.specialist("near-a", base: GeoPoint(lat: 51.0, lon: 0.0)),
            TinyWeek.specialist("near-b", base: GeoPoint(lat: 51.1, lon: 0.0)),
        ]
        w.add("at-a", school: "A", minutes: 60)
        w.add("at-b", school: "B", minutes: 60)
        let p = PlanningProblem(w.scenario)
        var sol = Solution(p)
        sol.insert(1, vehicle: 0, at: 0, p)  // near-a visits B
        sol.insert(0, vehicle: 1, at: 0, p)  // near-b visits A
        let before = sol
        let move = try #require(VisitSwapMove.best(for: [1], in: 0, sol, p))
        #expect(move.gain.travelSaved == before.travel)
        _ = move.apply(to: &sol, p)
        #expect(sol.vehicleOf == [0, 1])
        #expect(sol.served == before.served && sol.travel == 0)
        for r in sol.routes { #expect(r.isFeasible(p)) }
        #expect(VisitSwapMove.best(for: [0], in: 0, sol, p) == nil, "nothing left to gain")
    }
}
