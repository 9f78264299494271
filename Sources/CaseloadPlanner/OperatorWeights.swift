import CaseloadCore

/// Adaptive operator selection (Ropke and Pisinger): operators that find better
/// solutions are chosen more often; weights are updated every segment.
struct OperatorWeights: Sendable {
    private(set) var weights: [Double]
    private var scores: [Double]
    private var uses: [Int]
    let reaction = 0.2

    /// Rewards for a new best, an improvement on the current solution, and an accepted worse one.
    static let newBest = 33.0, improved = 9.0, accepted = 13.0

    init(count: Int) {
        weights = Array(repeating: 1, count: count)
        scores = Array(repeating: 0, count: count)
        uses = Array(repeating: 0, count: count)
    }

    /// Roulette-wheel choice.
    mutating func pick(_ rng: inout SeededRandom) -> Int {
        var r = rng.unit() * weights.reduce(0, +)
        for (i, w) in weights.enumerated() {
            r -= w
            if r <= 0 {
                uses[i] += 1
                return i
            }
        }
        uses[weights.count - 1] += 1
        return weights.count - 1
    }

    mutating func reward(_ i: Int, _ score: Double) { scores[i] += score }

    /// Folds the segment's scores into the weights.
    mutating func endSegment() {
        for i in weights.indices where uses[i] > 0 {
            weights[i] = max(0.05, weights[i] * (1 - reaction) + reaction * scores[i] / Double(uses[i]))
        }
        scores = scores.map { _ in 0 }
        uses = uses.map { _ in 0 }
    }
}
