import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// `/term`: the term to date at a glance for the leaders (and printable as the termly report);
/// `/term.csv` and `/term.json` export the same figures, with pupil references only when a
/// leader asks (`?pupils=yes`, JSON) and may see them.
struct TermPages {
    let state: ServerState
    let pages: Pages

    func register(_ web: RouterGroup<AppContext>) {
        web.get("term", use: page)
        web.get("term.csv", use: csv)
        web.get("term.json", use: json)
    }

    func figures(_ context: AppContext) throws -> TermFigures {
        try TermAtAGlance(db: state.db, config: state.config).figures(today: state.today(), by: try context.caller())
    }

    @Sendable func page(_ request: Request, context: AppContext) async throws -> Response {
        let f = try figures(context)
        let services = state.config.services.map { (code: $0.code, name: $0.name) }
        let bands = state.config.bands.sorted { $0.minScore > $1.minScore }.map(\.name)
        let today = state.today()
        let page = TermPage(
            from: CalendarDate(f.from).map { Spoken.date($0, today: today) } ?? f.from,
            to: CalendarDate(f.to).map { Spoken.date($0, today: today) } ?? f.to,
            services: f.services.map { TermPage.Line($0, bands) }, schools: f.schools.map { TermPage.Line($0, bands) },
            trust: TermPage.Line(f.trust, bands), utilisation: "\(Int((f.utilisation * 100).rounded()))%",
            travel: String(format: "%.0f", f.travelHours), interrupted: f.blocksInterrupted,
            charts: TermAtAGlance.charts(f, services: services))
        return pages.render(page, title: "The term at a glance", context: context)
    }

    @Sendable func csv(_ request: Request, context: AppContext) async throws -> Response {
        TermPages.file(TermAtAGlance.csv(try figures(context)), type: "text/csv; charset=utf-8", name: "term.csv")
    }

    @Sendable func json(_ request: Request, context: AppContext) async throws -> Response {
        let f = try figures(context)
        var text = try TermAtAGlance.json(f)
        if request.uri.queryParameters.get("pupils") == "yes" {
            let rows = try TermAtAGlance(db: state.db, config: state.config).referralRows(f, by: try context.caller())
            var object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            object["referrals"] = rows
            text = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self)
        }
        return TermPages.file(text, type: "application/json", name: "term.json")
    }

    static func file(_ text: String, type: String, name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// `term.mustache`: the term's figures per service and per school, and the charts.
struct TermPage: PageModel {
    static let template = Template.term

    /// A service's, a school's or the trust's line in words and numbers.
    struct Line: Sendable {
        let name: String
        let referralsIn, accepted, declined, waitingNow, breaches, statutoryMet, statutoryMissed: Int
        let withinTarget, medianWait, p90Wait, hours, fairShare: String
        let delivered, pupilAbsent, cancelledBySchool, cancelledByTrust: Int

        init(_ l: TermLine, _ bands: [String]) {
            name = l.name
            (referralsIn, accepted, declined, waitingNow, breaches) = (l.referralsIn, l.accepted, l.declined, l.waitingNow, l.breaches)
            (statutoryMet, statutoryMissed) = (l.statutoryMet, l.statutoryMissed)
            withinTarget = bands.compactMap { b in
                l.seenByBand[b].map { "\(b) \(Int((Double(l.withinTargetByBand[b] ?? 0) / Double($0) * 100).rounded()))% of \($0)" }
            }.joined(separator: ", ")
            (medianWait, p90Wait) = (String(format: "%.1f", l.medianWaitWeeks), String(format: "%.1f", l.p90WaitWeeks))
            (hours, fairShare) = (String(format: "%.1f", l.deliveredHours), l.fairShareHours.map { String(format: "%.1f", $0) } ?? "")
            (delivered, pupilAbsent, cancelledBySchool, cancelledByTrust) = (l.delivered, l.pupilAbsent, l.cancelledBySchool, l.cancelledByTrust)
        }
    }

    let from, to: String
    let services, schools: [Line]
    let trust: Line
    let utilisation, travel: String
    let interrupted: Int
    let charts: String
}
