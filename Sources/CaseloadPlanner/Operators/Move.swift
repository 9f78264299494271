/// What a move would change: served priority gained and travel minutes saved.
struct MoveGain: Comparable, Sendable {
    var served: Int
    var travelSaved: Int

    /// Better plans serve more priority, then travel less.
    var isImproving: Bool { served > 0 || (served == 0 && travelSaved > 0) }

    static func < (a: MoveGain, b: MoveGain) -> Bool {
        a.served != b.served ? a.served < b.served : a.travelSaved < b.travelSaved
    }
}

/// A local-search move: found feasible with its gain, then applied.
protocol Move: Sendable {
    var gain: MoveGain { get }
    /// Applies the move; returns the vehicles it changed and sessions it left unassigned.
    func apply(to sol: inout Solution, _ p: PlanningProblem) -> (touched: [Int], ejected: [Int])
}
