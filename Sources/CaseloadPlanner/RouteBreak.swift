/// The specialist's break (spec rule 6): in some gap between two consecutive events of a day
/// (leaving base, a stop, returning), the free time holds the travel leg and, before or after
/// it, the break's minutes inside its window. Checked in one pass over the route from the
/// cached earliest and latest times, with a session being inserted or not.
extension Route {
    /// Whether the break fits a gap that opens at `departure`, must reach the next event by
    /// `latest`, and holds a leg of `leg` minutes; returns when the next event can begin.
    @inline(__always)
    static func breakArrival(_ veh: Vehicle, departure: Int, latest: Int, leg: Int) -> Int? {
        let travelFirst = max(departure + leg, veh.breakEarly)
        if travelFirst + veh.breakMinutes <= min(latest, veh.breakLate) { return travelFirst + veh.breakMinutes }
        let restFirst = max(departure, veh.breakEarly)
        if restFirst + veh.breakMinutes <= veh.breakLate, restFirst + veh.breakMinutes + leg <= latest {
            return restFirst + veh.breakMinutes + leg
        }
        return nil
    }

    /// Whether the day's break fits once `u` is inserted at `i` (`u < 0`: the route as it is).
    func breakFits(inserting u: Int = -1, at i: Int = 0, _ p: PlanningProblem) -> Bool {
        let veh = p.vehicles[vehicle]
        guard veh.breakMinutes > 0, u >= 0 || !stops.isEmpty else { return true }
        guard u >= 0 else { return firstBreakGap(p) != nil }
        // Gaps 0…i: cached departures; latest times recomputed backward through u.
        var latest = min(p.late[u], latestArrival(at: i, p) - p.t(p.school[u], point(i, p)) - p.duration[u])
        var next = p.school[u]
        for g in stride(from: i, through: 0, by: -1) {
            let leg = p.t(point(g - 1, p), next)
            if Route.breakArrival(veh, departure: departure(before: g, p), latest: latest, leg: leg) != nil { return true }
            guard g > 0 else { break }
            let w = stops[g - 1]
            latest = min(p.late[w], latest - leg - p.duration[w])
            next = p.school[w]
        }
        // Gaps i+1…: departures recomputed forward from u; cached latest times.
        var clock = max(departure(before: i, p) + p.t(point(i - 1, p), p.school[u]), p.early[u]) + p.duration[u]
        var here = p.school[u]
        for k in i...stops.count {
            let leg = p.t(here, point(k, p))
            if Route.breakArrival(veh, departure: clock, latest: latestArrival(at: k, p), leg: leg) != nil { return true }
            guard k < stops.count else { break }
            clock = max(clock + leg, p.early[stops[k]]) + p.duration[stops[k]]
            here = p.school[stops[k]]
        }
        return false
    }

    /// The first gap (0: leaving base; `count`: returning) where the break fits, if any.
    func firstBreakGap(_ p: PlanningProblem) -> Int? {
        let veh = p.vehicles[vehicle]
        return (0...stops.count).first { g in
            Route.breakArrival(
                veh, departure: departure(before: g, p), latest: latestArrival(at: g, p),
                leg: p.t(point(g - 1, p), point(g, p))) != nil
        }
    }

    /// Start times with the break taken at the first gap where it fits, and the break's start.
    func scheduleWithBreak(_ p: PlanningProblem) -> (starts: [Int], breakStart: Int?) {
        let veh = p.vehicles[vehicle]
        guard veh.breakMinutes > 0, !stops.isEmpty, let gap = firstBreakGap(p) else { return (startAt, nil) }
        var starts = Array(startAt[..<gap])
        let departure = departure(before: gap, p)
        let leg = p.t(point(gap - 1, p), point(gap, p))
        let latest = latestArrival(at: gap, p)
        var clock = Route.breakArrival(veh, departure: departure, latest: latest, leg: leg)!
        let travelFirst = max(departure + leg, veh.breakEarly)
        let rest = travelFirst + veh.breakMinutes <= min(latest, veh.breakLate) ? travelFirst : max(departure, veh.breakEarly)
        for k in gap..<stops.count {
            if k > gap { clock += p.t(point(k - 1, p), point(k, p)) }
            let start = max(clock, p.early[stops[k]])
            starts.append(start)
            clock = start + p.duration[stops[k]]
        }
        return (starts, rest)
    }
}
