import CaseloadCore
import Foundation

extension PupilRecords.Export {
    /// The export as a readable, printable page for a parent or the data protection officer:
    /// each referral's facts, history, sessions and audit entries, in plain tables.
    public var html: String {
        var body = "<h1>Data held about pupil \(SVGChart.escape(pupilRef)) at school \(SVGChart.escape(school))</h1>"
        body += "<p>Exported \(SVGChart.escape(exportedAt)). Caseload holds no names: only the school's own pupil reference.</p>"
        for r in referrals { body += section(r) }
        return """
            <!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Pupil data export</title><style>
            body{font-family:system-ui,Arial,sans-serif;max-width:60rem;margin:1.5rem auto;color:#1b1b1b;padding:0 1rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #b1b4b6;vertical-align:top}
            section{break-inside:avoid}
            </style></head><body>\(body)</body></html>
            """
    }

    func section(_ r: PupilRecords.ReferralRecord) -> String {
        let d = r.referral
        let facts: [(String, String)] = [
            ("Service", "\(d.service), \(d.pathway)"), ("Need", d.area), ("Year group", "\(d.yearGroup)"), ("Severity", "\(d.severity)"),
            ("Circumstances", d.flags.isEmpty ? "none" : d.flags.joined(separator: ", ")), ("Assess-plan-do-review cycles", "\(d.apdrCycles)"),
            ("Parental consent", d.consent ? "yes" : "no"), ("Why referred", d.reason), ("Received", d.receivedOn),
            ("Decision", d.decision + (d.declineReasons.isEmpty ? "" : ": " + d.declineReasons.joined(separator: "; "))),
            ("Status", d.status), ("Score at intake", "\(d.score) (\(d.band))"),
        ]
        let place =
            d.waiting.map { w in
                [
                    ("Place on the waiting list", "\(w.position) of the \(d.service) list"), ("Current priority", "\(w.priority) (\(w.band))"),
                    ("Weeks waited", "\(w.weeksWaited)"),
                ]
            } ?? []
        let plan = r.projectedFirstWeek.map { [("First week the latest projection expects", $0)] } ?? []
        let series = r.series.isEmpty ? [] : [("Series", "with \(r.series["specialist"] ?? ""), \(r.series["sessions_done"] ?? "0") sessions done")]
        let allFacts = facts + place + plan + series
        var out =
            "<section><h2>Referral \(d.id)</h2><table>"
            + allFacts.map { "<tr><th scope=\"row\">\(SVGChart.escape($0.0))</th><td>\(SVGChart.escape($0.1))</td></tr>" }.joined()
        out += "</table>" + table("History", ["at", "from", "to", "by", "note"], r.history)
        out += table("Sessions", ["date", "start", "end", "specialist", "outcome"], r.sessions)
        out += table("Sessions cancelled by a re-plan", ["date", "start", "end", "specialist", "revision"], r.cancelledSessions)
        out += table("Weeks not booked, and why", ["week", "reason"], r.notBooked)
        return out + table("Audit log entries", ["at", "by", "action", "detail"], r.audit) + "</section>"
    }

    func table(_ title: String, _ keys: [String], _ rows: [[String: String]]) -> String {
        guard !rows.isEmpty else { return "<h3>\(SVGChart.escape(title))</h3><p>None.</p>" }
        let head = keys.map { "<th scope=\"col\">\(SVGChart.escape($0))</th>" }.joined()
        let cells = rows.map { row in "<tr>" + keys.map { "<td>\(SVGChart.escape(row[$0] ?? ""))</td>" }.joined() + "</tr>" }.joined()
        return "<h3>\(SVGChart.escape(title))</h3><table><thead><tr>\(head)</tr></thead><tbody>\(cells)</tbody></table>"
    }
}
