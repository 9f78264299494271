import CaseloadCore

/// Finds, for each session left out, the first reason a person can act on.
struct UnassignedExplainer: Sendable {
    let p: PlanningProblem
    let eligibility: Eligibility
    /// The plan's routes, to tell full specialists from idle ones out of reach.
    let routes: [Route]

    init(_ p: PlanningProblem, routes: [Route]) {
        self.p = p
        eligibility = Eligibility(p.scenario)
        self.routes = routes
    }

    func explain(_ u: Int) -> UnassignedSession {
        let s = p.scenario.sessions[u]
        let (code, reason) = diagnose(u, s)
        return UnassignedSession(session: s.id, code: code, reason: reason)
    }

    private func diagnose(_ u: Int, _ s: Session) -> (UnassignedCode, String) {
        let ofService = p.scenario.specialists.indices.filter { p.scenario.specialists[$0].service == s.service }
        if ofService.isEmpty {
            return (.noService, "no specialist delivers \(s.service) this week; add \(s.service) capacity to the roster")
        }
        if let pin = s.specialist, let pinned = eligibility.specialistIndex[pin], !ofService.contains(pinned) {
            return (.noService, "pinned to \(pin), who does not deliver \(s.service); re-pin it to a \(s.service) specialist")
        }
        let qualified = ofService.filter { eligibility.qualifies(u, specialist: $0) }
        if qualified.isEmpty { return missingSkill(s, ofService) }
        let onDays = qualified.flatMap { p.vehiclesOfSpecialist[$0] }.filter { eligibility.allows(u, day: p.vehicles[$0].day) }
        if onDays.isEmpty { return dayProblem(s) }
        if !onDays.contains(where: { windowFits(u, $0) }) {
            return (
                .windowTooShort,
                "its window \(window(s)) cannot hold \(s.durationMin) minutes inside any allowed working day; widen the window or allow other days"
            )
        }
        if p.reachable[u].isEmpty { return outOfReach(u, s, onDays) }
        if let reach = idleOutOfReach(u, s, onDays) { return reach }
        if keptInTheWay(u) {
            return (
                .capacity,
                "no \(s.service) capacity on its allowed days (\(days(s))): the slots it could take hold bookings kept from the published week (a re-plan moves only what must move) or work of equal or higher priority; add capacity, or it is offered again next week"
            )
        }
        return (
            .capacity,
            "no \(s.service) capacity on its allowed days (\(days(s))): every slot it could take holds work of equal or higher priority; add capacity, or a leader can give it first claim (referral override)"
        )
    }

    /// Whether a specialist-day that could take `u` holds a booking kept in place (re-planning).
    private func keptInTheWay(_ u: Int) -> Bool {
        p.reachable[u].contains { v in routes[v].stops.contains { p.locked[$0] } }
    }

    private func outOfReach(_ u: Int, _ s: Session, _ vehicles: [Int]) -> (UnassignedCode, String) {
        let nearest = vehicles.map { p.t(p.vehicles[$0].base, p.school[u]) }.min() ?? 0
        let name = p.scenario.schools[p.school[u]].name
        return (
            .outOfReach,
            "\(name) (\(s.school)) is \(nearest) minutes from the nearest base of a \(s.service) specialist who could take it: out of reach within the working day or travel cap; allow a closer specialist or raise the travel cap"
        )
    }

    /// Specialists who could take `u` but cannot reach it while they have room for it: the
    /// binding constraint is reach, not the service's hours.
    private func idleOutOfReach(_ u: Int, _ s: Session, _ vehicles: [Int]) -> (UnassignedCode, String)? {
        let reachable = Set(p.reachable[u])
        let idle = vehicles.filter { !reachable.contains($0) && routes[$0].freeMinutes(p) >= p.duration[u] }
        guard !idle.isEmpty else { return nil }
        let names = { (vs: [Int]) in
            Array(Set(vs.map { p.scenario.specialists[p.vehicles[$0].specialist].id })).sorted().joined(separator: ", ")
        }
        let school = p.scenario.schools[p.school[u]].name
        let free = idle.reduce(0) { $0 + routes[$1].freeMinutes(p) } / 60
        return (
            .fullWithinReach,
            "the \(s.service) specialists who can reach \(school) (\(names(Array(reachable)))) are fully booked on its days with work of equal or higher priority, while \(names(idle)) (\(free) free hours) cannot reach it within the working day or travel cap; raise their travel cap, move a base nearer, or a leader can give it first claim (referral override)"
        )
    }

    private func missingSkill(_ s: Session, _ ofService: [Int]) -> (UnassignedCode, String) {
        let have = Set(ofService.flatMap { p.scenario.specialists[$0].skills })
        let missing = s.skills.filter { !have.contains($0) }
        if missing.isEmpty, let pin = s.specialist {
            return (.missingSkill, "pinned to \(pin), who lacks \(s.skills.joined(separator: ", ")); re-pin it or train the specialist")
        }
        return (.missingSkill, "no \(s.service) specialist has skill \(missing.joined(separator: ", ")); add one with it to the roster")
    }

    private func dayProblem(_ s: Session) -> (UnassignedCode, String) {
        if let pin = s.specialist {
            return (.pinnedUnavailable, "its pinned specialist \(pin) does not work on its allowed days (\(days(s))); allow another day or re-pin it")
        }
        return (.noAllowedDay, "no \(s.service) specialist who could take it works on its allowed days (\(days(s))); allow another day")
    }

    private func windowFits(_ u: Int, _ v: Int) -> Bool {
        let veh = p.vehicles[v]
        return max(veh.start, p.early[u]) <= min(veh.end - p.duration[u], p.late[u])
    }

    private func days(_ s: Session) -> String {
        s.days.map { $0.map(\.rawValue).joined(separator: ", ") } ?? "any day"
    }

    private func window(_ s: Session) -> String {
        "\(s.earliest?.description ?? "any")–\(s.latestEnd?.description ?? "any")"
    }
}
