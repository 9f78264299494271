import CaseloadCore
import CaseloadStore
import Foundation

/// New referrals arriving week by week: per school and service at the rate seen in the last
/// 26 weeks of history (or a fixed rate per school and service), each a copy of a past referral
/// of that school and service with a new pupil reference. Drawn once from the seed, so baseline
/// and alternative see exactly the same arrivals.
public struct Arrivals: Sendable {
    /// Requests arriving in each week, in order.
    public let weeks: [[ReferralRequest]]

    /// Arrivals for `count` weeks from `start`; `rate` per school and service per week, or `nil` for history's.
    public init(history: [Referral], start: CalendarDate, count: Int, rate: Double?, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let recent = history.filter { $0.request.receivedOn.dayNumber > start.dayNumber - 26 * 7 }
        let groups = Dictionary(grouping: recent, by: { "\($0.request.school)|\($0.request.service)" }).sorted { $0.key < $1.key }
        var weeks: [[ReferralRequest]] = []
        for w in 0..<count {
            var arriving: [ReferralRequest] = []
            for (_, past) in groups {
                for k in 0..<Arrivals.poisson(rate ?? Double(past.count) / 26, &rng) {
                    var r = past[rng.below(past.count)].request
                    r.pupilRef = "SIM\(w + 1)-\(arriving.count + 1)-\(k)"
                    r.receivedOn = start.adding(days: 7 * w)
                    arriving.append(r)
                }
            }
            weeks.append(arriving)
        }
        self.weeks = weeks
    }

    /// A Poisson draw (Knuth's method; the rates here are small).
    static func poisson(_ lambda: Double, _ rng: inout SeededRandom) -> Int {
        let limit = exp(-lambda)
        var k = 0
        var p = rng.unit()
        while p > limit {
            k += 1
            p *= rng.unit()
        }
        return k
    }
}
