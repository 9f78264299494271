import CaseloadCore
import Foundation

extension SimulationReport {
    static let colours = ["#1b6ca8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400"]

    /// A self-contained HTML page (inline CSS and SVG; no scripts or web fonts) that prints well.
    public var html: String {
        let body = "<h1>What if: a term of \(baseline.count) weeks</h1>" + sections
        return """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Caseload what-if</title><style>
            body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;max-width:720px;margin:24px auto;color:#222}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}svg{width:100%;height:auto;margin:8px 0}
            .t{font-size:13px;font-weight:600}.a{font-size:11px;fill:#444}.g{stroke:#ddd}
            .summary li{margin:.3em 0}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:right}
            @media print{section{break-inside:avoid}}
            </style></head><body>\(body)</body></html>
            """
    }

    /// The report's sections (summary, charts, travel) without a page around them, for a page
    /// that has its own heading and stylesheet (classes `t`, `a`, `g`, `h` style the charts).
    public var sections: String {
        var body = "<section class=\"summary\"><ul>"
        body += summary.map { "<li>\(SVGChart.escape($0))</li>" }.joined() + "</ul></section>"
        body +=
            "<section><h2>Waiting list</h2>" + chart(\.waiting, title: "Referrals waiting, baseline (solid) and alternative (dashed)", unit: "")
            + "</section>"
        body += "<section><h2>Seen within target</h2>" + share() + "</section>"
        body +=
            "<section><h2>Waits</h2>" + chartInt(\.p90Wait, title: "90th-percentile wait in weeks")
            + chartInt(\.medianWait, title: "Median wait in weeks") + "</section>"
        body += "<section><h2>Hours per school</h2>" + schoolBars() + "</section>"
        return body + "<section><h2>Travel and utilisation</h2>" + travel() + "</section>"
    }

    func chart(_ key: KeyPath<WeekFigures, [String: Int]>, title: String, unit: String) -> String {
        var series: [SVGChart.Series] = []
        for (k, s) in services.enumerated() {
            let c = SimulationReport.colours[k % 5]
            series.append(.init(name: "\(s) baseline", values: baseline.map { Double($0[keyPath: key][s] ?? 0) }, dashed: false, colour: c))
            series.append(.init(name: "\(s) alternative", values: alternative.map { Double($0[keyPath: key][s] ?? 0) }, dashed: true, colour: c))
        }
        return SVGChart.lines(title: title, unit: unit, labels: weekLabels, series: series, breaks: holidays)
    }

    func chartInt(_ key: KeyPath<WeekFigures, [String: Int]>, title: String) -> String { chart(key, title: title, unit: "") }

    func share() -> String {
        var series: [SVGChart.Series] = []
        for (k, s) in services.enumerated() {
            let c = SimulationReport.colours[k % 5]
            series.append(.init(name: "\(s) baseline", values: baseline.map { $0.withinTarget[s] ?? 1 }, dashed: false, colour: c))
            series.append(.init(name: "\(s) alternative", values: alternative.map { $0.withinTarget[s] ?? 1 }, dashed: true, colour: c))
        }
        return SVGChart.lines(
            title: "Share of first sessions within the target wait", unit: "%", labels: weekLabels, series: series, breaks: holidays)
    }

    /// The holidays the simulation stepped over, before the week at each index.
    var holidays: [Int: String] {
        var out: [Int: String] = [:]
        for (i, w) in baseline.enumerated() { if let h = w.holidayBefore { out[i] = h } }
        return out
    }

    /// "30 Nov" for each simulated week.
    var weekLabels: [String] { baseline.map { SimulationReport.short($0.week) } }

    static func short(_ d: CalendarDate) -> String {
        "\(d.day) " + ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.month - 1]
    }

    /// Every school the summary names, then the largest fair shares, fifteen or more in all.
    func chartedSchools() -> [(urn: String, name: String, share: Double)] {
        let named = Set(losers().map(\.urn))
        let first = schools.filter { named.contains($0.urn) }.sorted { $0.share > $1.share }
        let rest = schools.filter { !named.contains($0.urn) }.sorted { $0.share > $1.share }
        return first + rest.prefix(max(0, 15 - first.count))
    }

    func schoolBars() -> String {
        let top = chartedSchools()
        let hb = schoolHours(baseline)
        let ha = schoolHours(alternative)
        let total = hb.values.reduce(0, +)
        return SVGChart.bars(
            title: "Hours over the term: fair share (grey), baseline (solid), alternative (light)", labels: top.map(\.name),
            series: [
                .init(name: "fair share", values: top.map { $0.share * total }, dashed: false, colour: "#999"),
                .init(name: "baseline", values: top.map { hb[$0.urn] ?? 0 }, dashed: false, colour: "#1b6ca8"),
                .init(name: "alternative", values: top.map { ha[$0.urn] ?? 0 }, dashed: true, colour: "#1b6ca8"),
            ])
    }

    func travel() -> String {
        let rows = [
            ("travel minutes", "\(total(baseline, \.travelMinutes))", "\(total(alternative, \.travelMinutes))"),
            ("mileage cost", String(format: "£%.0f", totalMiles(baseline) * 0.45), String(format: "£%.0f", totalMiles(alternative) * 0.45)),
            ("utilisation", String(format: "%.0f%%", 100 * utilisation(baseline)), String(format: "%.0f%%", 100 * utilisation(alternative))),
        ]
        return "<table><tr><th></th><th>baseline</th><th>alternative</th></tr>"
            + rows.map { "<tr><td>\($0.0)</td><td>\($0.1)</td><td>\($0.2)</td></tr>" }.joined() + "</table>"
    }
}
