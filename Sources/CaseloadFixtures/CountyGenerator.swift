import CaseloadCore
import Foundation

/// A synthetic county of any size: market towns with primaries around them and a few
/// secondaries, SEN numbers as in English census averages.
public struct CountyGenerator: Sendable {
    public let schoolCount: Int
    public let seed: UInt64
    /// Centre and radius of the county (default: roughly Kent).
    public var centre = GeoPoint(lat: 51.2, lon: 0.7)
    public var radiusKm = 45.0

    /// A county of `schoolCount` schools whose layout is fixed by `seed`.
    public init(schoolCount: Int, seed: UInt64) {
        self.schoolCount = schoolCount
        self.seed = seed
    }

    /// The schools.
    public func schools() -> [SchoolRecord] {
        var rng = SeededRandom(seed: seed ^ 0xC0FFEE)
        let towns = (0..<max(3, schoolCount / 25)).map { _ in (point: offset(centre, &rng, sd: radiusKm / 2), size: 0.3 + rng.unit()) }
        return (0..<schoolCount).map { i in
            let town = rng.pick(towns, weights: towns.map(\.size))
            let primary = rng.unit() < 0.82
            let pupils = max(60, Int(rng.normal(mean: primary ? 320 : 1000, sd: primary ? 110 : 280)))
            let ehc = max(0, Int(Double(pupils) * max(0.005, rng.normal(mean: 0.025, sd: 0.01))))
            let support = max(1, Int(Double(pupils) * max(0.03, rng.normal(mean: 0.13, sd: 0.04))))
            return SchoolRecord(
                urn: String(900_001 + i), name: "\(primary ? "Primary" : "Secondary") school \(i + 1)",
                phase: primary ? "Primary" : "Secondary", location: offset(town.point, &rng, sd: 4),
                pupils: pupils, ehcPlans: ehc, senSupport: support)
        }
    }

    func offset(_ p: GeoPoint, _ rng: inout SeededRandom, sd km: Double) -> GeoPoint {
        let dy = rng.normal(mean: 0, sd: km) / 111.2
        let dx = rng.normal(mean: 0, sd: km) / (111.2 * cos(p.lat * .pi / 180))
        return GeoPoint(lat: ((p.lat + dy) * 1e5).rounded() / 1e5, lon: ((p.lon + dx) * 1e5).rounded() / 1e5)
    }
}
