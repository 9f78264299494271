import Foundation

/// Converts Ordnance Survey National Grid (OSGB36) eastings and northings, as GIAS publishes
/// them, to WGS84 latitude and longitude: inverse transverse Mercator on the Airy 1830
/// ellipsoid, then a Helmert transformation to WGS84 (accurate to a few metres).
public enum OSGrid {
    struct Ellipsoid {
        let a: Double, b: Double
        var e2: Double { 1 - (b * b) / (a * a) }
    }
    static let airy = Ellipsoid(a: 6_377_563.396, b: 6_356_256.909)
    static let wgs84 = Ellipsoid(a: 6_378_137.0, b: 6_356_752.314245)
    static let f0 = 0.9996012717, lat0 = 49.0 * .pi / 180, lon0 = -2.0 * .pi / 180
    static let n0 = -100_000.0, e0 = 400_000.0

    /// WGS84 latitude and longitude of a grid reference (easting, northing in metres).
    public static func toWGS84(easting: Double, northing: Double) -> GeoPoint {
        let (lat, lon) = airyLatLon(easting: easting, northing: northing)
        let (x, y, z) = cartesian(lat, lon, airy)
        let (x2, y2, z2) = helmert(x, y, z)
        let (lat2, lon2) = latLon(x2, y2, z2, wgs84)
        return GeoPoint(lat: lat2 * 180 / .pi, lon: lon2 * 180 / .pi)
    }

    static func meridionalArc(_ lat: Double) -> Double {
        let a = airy.a
        let b = airy.b
        let n = (a - b) / (a + b)
        let n2 = n * n
        let n3 = n2 * n
        let d = lat - lat0
        let s = lat + lat0
        return b * f0
            * ((1 + n + 1.25 * n2 + 1.25 * n3) * d - (3 * n + 3 * n2 + 21.0 / 8 * n3) * sin(d) * cos(s)
                + (15.0 / 8 * n2 + 15.0 / 8 * n3) * sin(2 * d) * cos(2 * s) - 35.0 / 24 * n3 * sin(3 * d) * cos(3 * s))
    }

    static func airyLatLon(easting: Double, northing: Double) -> (Double, Double) {
        let a = airy.a
        let e2 = airy.e2
        var lat = lat0
        var m = 0.0
        repeat {
            lat += (northing - n0 - m) / (a * f0)
            m = meridionalArc(lat)
        } while abs(northing - n0 - m) >= 0.00001
        let s = sin(lat)
        let t = tan(lat)
        let t2 = t * t
        let t4 = t2 * t2
        let sec = 1 / cos(lat)
        let nu = a * f0 / sqrt(1 - e2 * s * s)
        let rho = a * f0 * (1 - e2) / pow(1 - e2 * s * s, 1.5)
        let eta2 = nu / rho - 1
        let vii = t / (2 * rho * nu)
        let viii = t / (24 * rho * pow(nu, 3)) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2)
        let ix = t / (720 * rho * pow(nu, 5)) * (61 + 90 * t2 + 45 * t4)
        let x = sec / nu
        let xi = sec / (6 * pow(nu, 3)) * (nu / rho + 2 * t2)
        let xii = sec / (120 * pow(nu, 5)) * (5 + 28 * t2 + 24 * t4)
        let xiia = sec / (5040 * pow(nu, 7)) * (61 + 662 * t2 + 1320 * t4 + 720 * t4 * t2)
        let de = easting - e0
        return (
            lat - vii * pow(de, 2) + viii * pow(de, 4) - ix * pow(de, 6),
            lon0 + x * de - xi * pow(de, 3) + xii * pow(de, 5) - xiia * pow(de, 7)
        )
    }

    static func cartesian(_ lat: Double, _ lon: Double, _ e: Ellipsoid) -> (Double, Double, Double) {
        let nu = e.a / sqrt(1 - e.e2 * sin(lat) * sin(lat))
        return (nu * cos(lat) * cos(lon), nu * cos(lat) * sin(lon), (1 - e.e2) * nu * sin(lat))
    }

    /// OSGB36 to WGS84 (the published WGS84→OSGB36 parameters, reversed).
    static func helmert(_ x: Double, _ y: Double, _ z: Double) -> (Double, Double, Double) {
        let sec = Double.pi / (180 * 3600)
        let tx = 446.448
        let ty = -125.157
        let tz = 542.060
        let s = -20.4894e-6
        let rx = 0.1502 * sec
        let ry = 0.2470 * sec
        let rz = 0.8421 * sec
        return (tx + (1 + s) * x - rz * y + ry * z, ty + rz * x + (1 + s) * y - rx * z, tz - ry * x + rx * y + (1 + s) * z)
    }

    static func latLon(_ x: Double, _ y: Double, _ z: Double, _ e: Ellipsoid) -> (Double, Double) {
        let p = sqrt(x * x + y * y)
        var lat = atan2(z, p * (1 - e.e2))
        for _ in 0..<10 {
            let nu = e.a / sqrt(1 - e.e2 * sin(lat) * sin(lat))
            lat = atan2(z + e.e2 * nu * sin(lat), p)
        }
        return (lat, atan2(y, x))
    }
}
