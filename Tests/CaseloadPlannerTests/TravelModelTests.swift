import CaseloadCore
import CaseloadPlanner
import Testing

/// Values computed by hand from the spec: haversine km × 1.3 ÷ 40 km/h × 60, rounded up, + 5.
@Suite struct TravelModelTests {
    let model = TravelModel(.standard)

    @Test func oneTenthOfADegreeNorth() {
        // 0.1° × π/180 × 6371.0088 km = 11.1195 km; × 1.95 min/km = 21.68 → 22, + 5 = 27.
        let a = GeoPoint(lat: 51.0, lon: 0.0)
        let b = GeoPoint(lat: 51.1, lon: 0.0)
        #expect(abs(TravelModel.distanceKm(a, b) - 11.1195) < 0.0001)
        #expect(model.minutes(a, b) == 27)
        #expect(model.minutes(b, a) == 27)
    }

    @Test func theSpecsExampleBaseToSchool() {
        // 0.822 km × 1.95 = 1.60 → 2, + 5 = 7.
        #expect(model.minutes(GeoPoint(lat: 50.2601, lon: -5.0405), GeoPoint(lat: 50.2632, lon: -5.0510)) == 7)
    }

    @Test func sameSiteBelowTenMetresIsFree() {
        let a = GeoPoint(lat: 51.0, lon: 0.0)
        #expect(model.minutes(a, a) == 0)
        #expect(model.minutes(a, GeoPoint(lat: 51.0, lon: 0.00008)) == 0)  // 5.6 m
        #expect(model.minutes(a, GeoPoint(lat: 51.0001, lon: 0.0)) == 6)  // 11.1 m: 1 minute + 5
    }

    @Test func longerLegsAndOtherSettings() {
        // London to Birmingham-ish: 165.97 km × 1.95 = 323.6 → 324, + 5 = 329.
        #expect(model.minutes(GeoPoint(lat: 51.5, lon: -0.1), GeoPoint(lat: 52.5, lon: -1.9)) == 329)
        // 11.1195 km × 1.0 ÷ 60 × 60 = 11.12 → 12, + 0.
        let fast = TravelModel(TravelSettings(speedKmh: 60, circuity: 1.0, overheadMin: 0))
        #expect(fast.minutes(GeoPoint(lat: 51.0, lon: 0.0), GeoPoint(lat: 51.1, lon: 0.0)) == 12)
    }
}
