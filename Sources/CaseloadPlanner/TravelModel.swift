import CaseloadCore
import Foundation

/// Travel minutes between two points, exactly as `spec/week-problem.md` defines them:
/// `0` below 10 m (same site), else `ceil(km × circuity ÷ speed × 60) + overhead`.
public struct TravelModel: Sendable {
    /// The Earth's mean radius used by the spec, in km.
    public static let earthRadiusKm = 6371.0088
    public let settings: TravelSettings

    /// A model over the scenario's three travel parameters.
    public init(_ settings: TravelSettings) { self.settings = settings }

    /// Great-circle (haversine) distance in km.
    public static func distanceKm(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let rad = Double.pi / 180
        let la1 = a.lat * rad
        let la2 = b.lat * rad
        let dLat = (b.lat - a.lat) * rad
        let dLon = (b.lon - a.lon) * rad
        let h = pow(sin(dLat / 2), 2) + cos(la1) * cos(la2) * pow(sin(dLon / 2), 2)
        return 2 * earthRadiusKm * asin(min(1, h.squareRoot()))
    }

    /// Whole travel minutes from `a` to `b`.
    public func minutes(_ a: GeoPoint, _ b: GeoPoint) -> Int {
        let km = TravelModel.distanceKm(a, b)
        if km < 0.01 { return 0 }
        let raw = km * settings.circuity / settings.speedKmh * 60
        return Int(raw.rounded(.up)) + settings.overheadMin
    }
}
