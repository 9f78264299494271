import CaseloadCore

/// Regret insertion: of the sessions with the highest priority still open, insert first the
/// one that would lose most by waiting (its second-best place costs most more than its best).
struct RegretRepair: RepairOperator {
    let k: Int
    var name: String { "regret-\(k)" }

    struct Option {
        var vehicle: Int
        var position: Int
        var delta: Int
    }

    func repair(_ sol: inout Solution, _ pool: RepairPool, _ p: PlanningProblem, _ rng: inout SeededRandom) -> [Int] {
        var options = pool.sessions.indices.map { evaluate(pool.sessions[$0], pool.vehicles[$0], sol, p) }
        var open = Array(pool.sessions.indices).filter { !options[$0].isEmpty }
        var touched: [Int] = []
        while let pick = choose(open, options, pool, p) {
            let u = pool.sessions[open[pick]]
            let best = options[open[pick]][0]
            sol.insert(u, vehicle: best.vehicle, at: best.position, p)
            touched.append(best.vehicle)
            open.remove(at: pick)
            open = open.filter { refresh(&options[$0], pool.sessions[$0], best.vehicle, sol, p) }
        }
        return touched
    }

    /// Best place in each vehicle, cheapest first.
    func evaluate(_ u: Int, _ vehicles: [Int], _ sol: Solution, _ p: PlanningProblem) -> [Option] {
        var out: [Option] = []
        for v in vehicles {
            if let (i, d) = sol.routes[v].bestInsertion(u, p) { out.append(Option(vehicle: v, position: i, delta: d)) }
        }
        return out.sorted { $0.delta < $1.delta }
    }

    /// Re-evaluates the one changed vehicle; false when the session no longer fits anywhere.
    func refresh(_ opts: inout [Option], _ u: Int, _ v: Int, _ sol: Solution, _ p: PlanningProblem) -> Bool {
        guard let k = opts.firstIndex(where: { $0.vehicle == v }) else { return true }
        opts.remove(at: k)
        if let (i, d) = sol.routes[v].bestInsertion(u, p) {
            let at = opts.firstIndex { $0.delta > d } ?? opts.count
            opts.insert(Option(vehicle: v, position: i, delta: d), at: at)
        }
        return !opts.isEmpty
    }

    func choose(_ open: [Int], _ options: [[Option]], _ pool: RepairPool, _ p: PlanningProblem) -> Int? {
        var best: (index: Int, key: Int)?
        for (j, k) in open.enumerated() {
            let opts = options[k]
            var regret = 0
            for m in 1..<cappedK(opts.count) { regret += opts[m].delta - opts[0].delta }
            if opts.count < self.k { regret += 500 * (self.k - opts.count) }
            let key = p.priority[pool.sessions[k]] * 100_000 + min(regret, 99_999)
            if best == nil || key > best!.key { best = (j, key) }
        }
        return best?.index
    }

    private func cappedK(_ n: Int) -> Int { max(1, min(k, n)) }
}
