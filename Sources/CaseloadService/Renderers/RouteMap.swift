import CaseloadCore
import CaseloadStore
import Foundation

/// A week's routes on a map of the trust's schools: equirectangular projection, one colour and
/// one line style per specialist (so more specialists than colours stay apart), each visit a
/// circle sized by its hours, bases as squares, each visited school numbered on the map and
/// named in `schoolKey` (and on hover). Self-contained SVG.
public struct RouteMap: Sendable {
    public let timetable: WeekTimetable
    /// Each specialist's name for the legend, by id (the id when the roster gives none).
    public let names: [String: String]

    /// A map of `timetable`.
    public init(_ timetable: WeekTimetable, names: [String: String] = [:]) {
        self.timetable = timetable
        self.names = names
    }

    static let dashes = ["", "6 3", "2 3", "8 3 2 3"]

    /// The schools visited this week, numbered as on the map, alphabetically, with how many visits.
    public var schoolKey: [(number: Int, name: String, visits: Int)] {
        let visits = Dictionary(grouping: timetable.bookings, by: \.school)
        return timetable.scenario.schools.filter { visits[$0.id] != nil }.sorted { $0.name < $1.name }.enumerated().map { k, s in
            (k + 1, s.name, visits[s.id]?.count ?? 0)
        }
    }

    static let palette = ["#1b6ca8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b", "#2c3e50", "#e84393"]

    /// The SVG text.
    public var svg: String {
        let s = timetable.scenario
        let points = s.schools.map(\.location) + s.specialists.map(\.base)
        let project = RouteMap.projection(points, width: 900, height: 640)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 700\" font-family=\"system-ui, Arial, sans-serif\">"
        out +=
            "<rect width=\"900\" height=\"700\" fill=\"#fbfbf8\"/><text x=\"16\" y=\"24\" font-size=\"16\" font-weight=\"600\">Routes, week of \(timetable.weekStart)</text>"
        for school in s.schools {
            let (x, y) = project(school.location)
            out += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"2.5\" fill=\"#bbb\"><title>\(esc(school.name))</title></circle>"
        }
        for (k, sp) in s.specialists.enumerated() { out += route(sp, style: RouteMap.style(k), project) }
        return out + labels(project) + legend(s.specialists) + "</svg>"
    }

    /// The colour and dash pattern of the `k`th specialist.
    static func style(_ k: Int) -> (colour: String, dash: String) {
        (palette[k % palette.count], dashes[(k / palette.count) % dashes.count])
    }

    /// Each visited school's number beside it.
    func labels(_ project: (GeoPoint) -> (Double, Double)) -> String {
        let byName = Dictionary(timetable.scenario.schools.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return schoolKey.compactMap { key -> String? in
            guard let school = byName[key.name] else { return nil }
            let (x, y) = project(school.location)
            return "<text x=\"\(f(x + 6))\" y=\"\(f(y - 6))\" font-size=\"11\" font-weight=\"600\" fill=\"#0b0c0c\" stroke=\"#fbfbf8\" "
                + "stroke-width=\"3\" paint-order=\"stroke\">\(key.number)<title>\(esc(key.name))</title></text>"
        }.joined()
    }

    func route(_ sp: Specialist, style: (colour: String, dash: String), _ project: (GeoPoint) -> (Double, Double)) -> String {
        let colour = style.colour
        let schools = Dictionary(uniqueKeysWithValues: timetable.scenario.schools.map { ($0.id, $0) })
        let mine = timetable.bookings.filter { $0.specialist == sp.id }
        var out = ""
        let (bx, by) = project(sp.base)
        out += "<rect x=\"\(f(bx - 4))\" y=\"\(f(by - 4))\" width=\"8\" height=\"8\" fill=\"\(colour)\"><title>\(esc(sp.id)) base</title></rect>"
        for day in Set(mine.map(\.day)).sorted() {
            let stops = mine.filter { $0.day == day }.sorted { $0.start < $1.start }
            let path = [sp.base] + stops.compactMap { schools[$0.school]?.location } + [sp.base]
            let points: [String] = path.map { (point: GeoPoint) -> String in
                let (x, y) = project(point)
                return f(x) + "," + f(y)
            }
            out +=
                "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-opacity=\"0.8\""
                + (style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\"")
                + "><title>\(esc(names[sp.id] ?? sp.id)), \(day.displayName)</title></polyline>"
        }
        for (urn, visits) in Dictionary(grouping: mine, by: \.school).sorted(by: { $0.key < $1.key }) {
            guard let school = schools[urn] else { continue }
            let hours = Double(visits.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }) / 60
            let (x, y) = project(school.location)
            out +=
                "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(3 + 2.2 * hours.squareRoot()))\" fill=\"\(colour)\" fill-opacity=\"0.35\" stroke=\"\(colour)\"><title>\(esc(sp.id)) at \(esc(school.name)): \(String(format: "%.1f", hours)) h</title></circle>"
        }
        return out
    }

    func legend(_ specialists: [Specialist]) -> String {
        specialists.enumerated().map { k, sp in
            let x = 16 + Double(k % 6) * 145
            let y = 650 + Double(k / 6) * 16
            let (colour, dash) = RouteMap.style(k)
            return "<line x1=\"\(f(x))\" y1=\"\(f(y - 4))\" x2=\"\(f(x + 14))\" y2=\"\(f(y - 4))\" stroke=\"\(colour)\" stroke-width=\"3\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/><text x=\"\(f(x + 18))\" y=\"\(f(y))\" font-size=\"11\">"
                + "\(esc(names[sp.id] ?? sp.id))</text>"
        }.joined()
    }

    /// Longitude scaled by the cosine of the mean latitude, fitted into the box with a margin.
    static func projection(_ points: [GeoPoint], width: Double, height: Double) -> (GeoPoint) -> (Double, Double) {
        let lat0 = points.map(\.lat).reduce(0, +) / Double(max(1, points.count))
        let k = cos(lat0 * .pi / 180)
        let xs = points.map { $0.lon * k }
        let ys = points.map(\.lat)
        let (minX, maxX, minY, maxY) = (xs.min() ?? 0, xs.max() ?? 1, ys.min() ?? 0, ys.max() ?? 1)
        let scale = min((width - 60) / max(1e-6, maxX - minX), (height - 80) / max(1e-6, maxY - minY))
        return { p in (30 + (p.lon * k - minX) * scale, 50 + (maxY - p.lat) * scale) }
    }

    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    func esc(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
}
