import Foundation
import Testing

@testable import CaseloadCore

@Suite struct OSGridTests {
    static let schoolsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/schools")

    /// The trust files carry both grid references and WGS84 coordinates for each school:
    /// converting the grid reference must land within 10 m of the published position.
    @Test(arguments: ["the_kemnal_academies_trust.csv", "ormiston_academies_trust.csv"])
    func gridReferencesLandOnThePublishedCoordinates(file: String) throws {
        let lines = try String(contentsOf: Self.schoolsFolder.appendingPathComponent(file), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst()
        var checked = 0
        for line in lines where !line.contains("\"") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let e = Double(f[4]), let n = Double(f[5]), let lat = Double(f[6]), let lon = Double(f[7]) else { continue }
            let p = OSGrid.toWGS84(easting: e, northing: n)
            let metres = haversineMetres(p, GeoPoint(lat: lat, lon: lon))
            #expect(metres < 10, "URN \(f[0]): \(metres) m off")
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test func ordnanceSurveyWorkedExample() {
        // OS guide, annex C: E 651409.903, N 313177.270 is 52°39'27.2531"N 1°43'4.5177"E on OSGB36.
        let (lat, lon) = OSGrid.airyLatLon(easting: 651_409.903, northing: 313_177.270)
        #expect(abs(lat * 180 / .pi - (52 + 39.0 / 60 + 27.2531 / 3600)) < 1e-7)
        #expect(abs(lon * 180 / .pi - (1 + 43.0 / 60 + 4.5177 / 3600)) < 1e-7)
    }

    func haversineMetres(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let r = Double.pi / 180
        let h = pow(sin((b.lat - a.lat) * r / 2), 2) + cos(a.lat * r) * cos(b.lat * r) * pow(sin((b.lon - a.lon) * r / 2), 2)
        return 2 * 6_371_008.8 * asin(sqrt(h))
    }
}
