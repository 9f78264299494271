import CaseloadCore
import Foundation

/// Bases a service's specialists at hub schools where the demand is (weighted k-means over
/// schools, each centre moved to its nearest school) and
/// gives them skills and part-time working patterns.
struct SpecialistFactory {
    let schools: [SchoolRecord]

    func make(_ profile: ServiceProfile, count: Int, _ rng: inout SeededRandom) -> [Specialist] {
        let kmeans = KMeans(points: schools.map(\.location), weights: schools.map(\.demandWeight))
        let hubs = kmeans.centres(count, &rng).map { schools[kmeans.nearestPoint(to: $0)].location }
        return hubs.enumerated().map { i, hub in
            let base = GeoPoint(lat: hub.lat + rng.normal(mean: 0, sd: 0.01), lon: hub.lon + rng.normal(mean: 0, sd: 0.015))
            let skills = profile.skills.filter { rng.unit() < $0.specialistShare }.map(\.name)
            return Specialist(
                id: "\(profile.service.lowercased())-\(i + 1)", service: profile.service, skills: skills,
                base: base, maxTravelMinPerDay: profile.maxTravel, maxSchoolsPerDay: profile.maxSchools,
                days: pattern(&rng))
        }
    }

    /// Full time (60%), four days (20%) or three days (20%); most 08:30–16:30.
    func pattern(_ rng: inout SeededRandom) -> [WorkingDay] {
        let dayCount = rng.pick([5, 4, 3], weights: [0.6, 0.2, 0.2])
        var days = Array(Weekday.allCases.prefix(5))
        while days.count > dayCount { days.remove(at: rng.below(days.count)) }
        let early = rng.unit() < 0.3
        return days.map { WorkingDay(day: $0, start: ClockTime(minutes: early ? 480 : 510), end: ClockTime(minutes: early ? 960 : 990)) }
    }
}

/// Weighted k-means on an equirectangular projection; deterministic for a given generator.
struct KMeans {
    let points: [GeoPoint]
    let weights: [Double]

    func centres(_ k: Int, _ rng: inout SeededRandom) -> [GeoPoint] {
        guard !points.isEmpty, k > 0 else { return [] }
        var centres = (0..<k).map { _ in rng.pick(points, weights: weights) }
        for _ in 0..<25 {
            var sums = Array(repeating: (lat: 0.0, lon: 0.0, w: 0.0), count: k)
            for (i, pt) in points.enumerated() {
                let c = nearest(pt, centres)
                sums[c].lat += pt.lat * weights[i]
                sums[c].lon += pt.lon * weights[i]
                sums[c].w += weights[i]
            }
            centres = centres.indices.map { c in
                sums[c].w > 0 ? GeoPoint(lat: sums[c].lat / sums[c].w, lon: sums[c].lon / sums[c].w) : centres[c]
            }
        }
        return centres
    }

    /// The index of the point nearest to `c` (a hub school for a centre).
    func nearestPoint(to c: GeoPoint) -> Int { nearest(c, points) }

    func nearest(_ p: GeoPoint, _ centres: [GeoPoint]) -> Int {
        let scale = cos(p.lat * .pi / 180)
        func d(_ c: GeoPoint) -> Double { pow(c.lat - p.lat, 2) + pow((c.lon - p.lon) * scale, 2) }
        return centres.indices.min { d(centres[$0]) < d(centres[$1]) }!
    }
}
