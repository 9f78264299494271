/// One specialist-day's stops with cached earliest and latest start times, so that
/// inserting a session anywhere can be checked in constant time.
struct Route: Sendable {
    let vehicle: Int
    private(set) var stops: [Int] = []
    /// Earliest feasible start of each stop, leaving base at the day's start.
    private(set) var startAt: [Int] = []
    /// Latest start of each stop that keeps every later stop and the return feasible.
    private(set) var latest: [Int] = []
    private(set) var travel = 0
    private(set) var schools = 0
    private(set) var priority = 0
    private(set) var busy = 0
    /// The longest stretch between leaving one point and the latest arrival at the next:
    /// no session longer than this fits anywhere in the route.
    private(set) var maxGap = 0

    /// An empty day for `vehicle`.
    init(vehicle: Int, _ p: PlanningProblem) {
        self.vehicle = vehicle
        refresh(p)
    }

    var isEmpty: Bool { stops.isEmpty }
    var count: Int { stops.count }

    /// Point where stop `i` happens, base for `-1` and `count`.
    @inline(__always) func point(_ i: Int, _ p: PlanningProblem) -> Int {
        i < 0 || i >= stops.count ? p.vehicles[vehicle].base : p.school[stops[i]]
    }

    /// Time the specialist can leave the point before position `i`.
    @inline(__always) func departure(before i: Int, _ p: PlanningProblem) -> Int {
        i == 0 ? p.vehicles[vehicle].start : startAt[i - 1] + p.duration[stops[i - 1]]
    }

    /// Latest time the specialist may arrive at position `i` (the day's end for the return).
    @inline(__always) func latestArrival(at i: Int, _ p: PlanningProblem) -> Int {
        i == stops.count ? p.vehicles[vehicle].end : latest[i]
    }

    func visits(school s: Int, _ p: PlanningProblem) -> Bool {
        stops.contains { p.school[$0] == s }
    }

    /// Extra travel minutes for inserting `u` at position `i` (plus the cost of a day the school
    /// did not prefer), or `nil` when infeasible.
    func insertionDelta(_ u: Int, at i: Int, _ p: PlanningProblem) -> Int? {
        let s = p.school[u]
        let prev = point(i - 1, p)
        let next = point(i, p)
        let toS = p.t(prev, s)
        let fromS = p.t(s, next)
        let begin = max(departure(before: i, p) + toS, p.early[u])
        guard begin <= p.late[u], begin + p.duration[u] + fromS <= latestArrival(at: i, p) else { return nil }
        let delta = toS + fromS - p.t(prev, next)
        let veh = p.vehicles[vehicle]
        guard travel + delta <= veh.travelCap else { return nil }
        if schools >= veh.schoolCap, !visits(school: s, p) { return nil }
        if veh.breakMinutes > 0, !breakFits(inserting: u, at: i, p) { return nil }
        return delta + p.penalty(u, vehicle)
    }

    /// Minutes of the day not spent in sessions, travelling or on the break (an upper bound on room for more).
    func freeMinutes(_ p: PlanningProblem) -> Int {
        let veh = p.vehicles[vehicle]
        return veh.end - veh.start - busy - travel - veh.breakMinutes
    }

    /// Whether a session of `minutes` could fit somewhere (a quick necessary condition).
    @inline(__always) func mightFit(_ minutes: Int) -> Bool { minutes <= maxGap }

    /// The cheapest feasible position for `u` and its extra travel, or `nil`.
    func bestInsertion(_ u: Int, _ p: PlanningProblem) -> (position: Int, delta: Int)? {
        guard mightFit(p.duration[u]) else { return nil }
        var best: (Int, Int)?
        for i in 0...stops.count {
            if let d = insertionDelta(u, at: i, p), best == nil || d < best!.1 { best = (i, d) }
        }
        return best
    }

    mutating func insert(_ u: Int, at i: Int, _ p: PlanningProblem) {
        stops.insert(u, at: i)
        refresh(p)
    }

    mutating func remove(at i: Int, _ p: PlanningProblem) -> Int {
        let u = stops.remove(at: i)
        refresh(p)
        return u
    }

    /// Replaces all stops (for moves that reorder the route).
    mutating func setStops(_ newStops: [Int], _ p: PlanningProblem) {
        stops = newStops
        refresh(p)
    }

    /// Recomputes times, travel, schools and priority from `stops`.
    mutating func refresh(_ p: PlanningProblem) {
        let n = stops.count
        startAt = Array(repeating: 0, count: n)
        latest = Array(repeating: 0, count: n)
        var clock = p.vehicles[vehicle].start
        var at = p.vehicles[vehicle].base
        travel = 0
        priority = 0
        busy = 0
        for (i, u) in stops.enumerated() {
            let leg = p.t(at, p.school[u])
            travel += leg
            startAt[i] = max(clock + leg, p.early[u])
            clock = startAt[i] + p.duration[u]
            at = p.school[u]
            priority += p.priority[u]
            busy += p.duration[u]
        }
        travel += p.t(at, p.vehicles[vehicle].base)
        var next = p.vehicles[vehicle].end
        var nextPoint = p.vehicles[vehicle].base
        for i in stride(from: n - 1, through: 0, by: -1) {
            let u = stops[i]
            latest[i] = min(p.late[u], next - p.t(p.school[u], nextPoint) - p.duration[u])
            next = latest[i]
            nextPoint = p.school[u]
        }
        schools = countSchools(p)
        maxGap = (0...n).reduce(0) { max($0, latestArrival(at: $1, p) - departure(before: $1, p)) }
    }

    private func countSchools(_ p: PlanningProblem) -> Int {
        var count = 0
        for i in stops.indices {
            let s = p.school[stops[i]]
            var seen = false
            for j in 0..<i where p.school[stops[j]] == s {
                seen = true
                break
            }
            if !seen { count += 1 }
        }
        return count
    }

    /// Whether every stop can start in time and every cap holds.
    func isFeasible(_ p: PlanningProblem) -> Bool {
        let veh = p.vehicles[vehicle]
        for i in stops.indices where startAt[i] > latest[i] { return false }
        return travel <= veh.travelCap && schools <= veh.schoolCap && breakFits(p)
    }

    /// Travel saved by removing the stop at `i` (may be negative where the triangle inequality fails).
    func removalGain(at i: Int, _ p: PlanningProblem) -> Int {
        let prev = point(i - 1, p)
        let here = point(i, p)
        let next = point(i + 1, p)
        return p.t(prev, here) + p.t(here, next) - p.t(prev, next)
    }
}
