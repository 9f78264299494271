import CaseloadCore
import Foundation
import Hummingbird
import Mustache

/// The page templates (swift-mustache, Hummingbird's template engine), loaded once from the
/// package's resources, and the one way a page is rendered: the layout's values (who is signed
/// in, their menu, the form token) added to the page's own.
struct Pages: Sendable {
    let library: MustacheLibrary

    /// Loads every `.mustache` file under `Web/Templates`.
    init() throws {
        var library = MustacheLibrary()
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Templates")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            try library.register(text, named: String(file.dropLast(".mustache".count)))
        }
        self.library = library
    }

    /// Page `name` filled with `values` for the person in `context`, as an HTML response.
    func render(_ name: String, title: String, _ values: [String: Any] = [:], context: AppContext, status: HTTPResponse.Status = .ok)
        -> Response
    {
        var all = values
        all["title"] = title
        all["csrf"] = context.csrf
        if let who = context.identity {
            all["signedIn"] = true
            all["who"] = Pages.describe(who)
            all["isSenco"] = who.school != nil
            all["isLeader"] = who.isLeader
            if case .specialist = who.role { all["isSpecialist"] = true }
        }
        let html = library.render(all, withTemplate: name) ?? "<!doctype html><title>Caseload</title><p>page \(name) is missing</p>"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Who is signed in, as the header says it.
    static func describe(_ who: Identity) -> String {
        switch who.role {
        case .senco(let school): "SENCO, school \(school)"
        case .specialist(let id): "specialist \(id)"
        case .leader: "trust leader"
        }
    }
}

/// Dates and weeks as people write them: "Mon 30 Nov", "the week of Mon 30 Nov".
enum Spoken {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Mon 30 Nov".
    static func date(_ d: CalendarDate) -> String {
        "\(d.weekday.displayName.prefix(3)) \(d.day) \(months[d.month - 1])"
    }

    /// "Mon 30 Nov", or "Mon 30 Nov 2027" when not this year.
    static func date(_ d: CalendarDate, today: CalendarDate) -> String {
        d.year == today.year ? date(d) : "\(date(d)) \(d.year)"
    }

    /// A service's target waits, the most pressing band first: "urgent 4 weeks, high 10 weeks".
    static func targets(_ s: ServiceRules, _ config: TrustConfig) -> String {
        let order = config.bands.sorted { $0.minScore > $1.minScore }.map(\.name)
        return s.targetWeeks.sorted { (order.firstIndex(of: $0.key) ?? 99, $0.key) < (order.firstIndex(of: $1.key) ?? 99, $1.key) }
            .map { "\($0.key) \($0.value) weeks" }.joined(separator: ", ")
    }

    /// Points as a leader writes them: "10", "1.5".
    static func points(_ x: Double) -> String { x == x.rounded() ? "\(Int(x))" : String(format: "%.1f", x) }

    /// A status as a SENCO would say it.
    static func status(_ s: ReferralStatus) -> String {
        switch s {
        case .waiting: "waiting"
        case .active: "being seen"
        case .onHold: "on hold"
        case .withdrawn: "withdrawn"
        case .declined: "declined"
        case .completed: "completed"
        }
    }
}
