import CaseloadCore
import Foundation

/// The what-if report: plain-English summary, figures, and a self-contained HTML page.
public struct SimulationReport: Sendable {
    public let baseline: [WeekFigures]
    public let alternative: [WeekFigures]
    public let services: [String]
    /// School names and each school's fair-share entitlement (0…1).
    public let schools: [(urn: String, name: String, share: Double)]
    /// What the alternative changes in the settings ("SALT threshold 25 → 35"); empty: the same.
    public var compared: [String] = []

    /// A report comparing `alternative` with `baseline` (pass the same figures for a single run).
    public init(baseline: [WeekFigures], alternative: [WeekFigures], services: [String], schools: [(urn: String, name: String, share: Double)]) {
        self.baseline = baseline
        self.alternative = alternative
        self.services = services
        self.schools = schools
    }

    /// The plain-English sentences at the top.
    public var summary: [String] {
        guard let b = baseline.last, let a = alternative.last else { return ["nothing was simulated"] }
        var out = [
            compared.isEmpty
                ? "Comparing the settings in force with themselves (nothing was changed)."
                : "Comparing the settings in force with: " + compared.joined(separator: "; ") + "."
        ]
        for s in services {
            let lb = b.waiting[s] ?? 0
            let la = a.waiting[s] ?? 0
            out.append(
                "\(s): after \(baseline.count) weeks \(la) referrals wait against \(lb) in the baseline (\(signed(la - lb))); "
                    + "the 90th-percentile wait is \(a.p90Wait[s] ?? 0) weeks against \(b.p90Wait[s] ?? 0), the median \(a.medianWait[s] ?? 0) against \(b.medianWait[s] ?? 0)."
            )
        }
        out.append("Statutory EHC deadlines passed while waiting at the end: \(a.statutoryBreaches) against \(b.statutoryBreaches).")
        out.append(
            String(
                format: "Travel over the term: %d minutes and £%.0f mileage against %d minutes and £%.0f.",
                total(alternative, \.travelMinutes), totalMiles(alternative) * 0.45, total(baseline, \.travelMinutes), totalMiles(baseline) * 0.45))
        let losers = losers()
        out.append(
            losers.isEmpty
                ? "No school loses more than 10% of its hours."
                : "\(losers.count) school\(losers.count == 1 ? " loses" : "s lose") more than 10% of \(losers.count == 1 ? "its" : "their") hours: "
                    + losers.map { "\($0.name) (\(Int((-100 * $0.change).rounded()))%)" }.joined(separator: ", ") + ".")
        if let declines = declines() { out.append(declines) }
        let holidays = baseline.compactMap(\.holidayBefore)
        if !holidays.isEmpty { out.append("Term weeks only: the simulation steps over " + holidays.joined(separator: "; ") + ".") }
        out += idleSentences()
        return out
    }

    /// Specialists whose free time reached no waiting referral in the first week, in either run.
    func idleSentences() -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for (run, weeks) in [("baseline", baseline), ("alternative", alternative)] {
            for i in weeks.first?.idle ?? [] where seen.insert(i.id).inserted {
                out.append(
                    String(format: "%@ (%@) is booked for %.1f of %.1f hours in the first week: ", i.id, run, i.bookedHours, i.workingHours)
                        + i.advice + ".")
            }
        }
        return out
    }

    /// Schools that lose more than 10% of their hours in the alternative, most first.
    func losers() -> [(urn: String, name: String, change: Double)] { schoolChanges().filter { $0.change < -0.1 } }

    /// How many arriving referrals each policy's thresholds turn away, and from which schools.
    func declines() -> String? {
        let b = declined(baseline)
        let a = declined(alternative)
        let tb = b.values.reduce(0, +)
        let ta = a.values.reduce(0, +)
        let arrived = baseline.reduce(0) { $0 + $1.arrived }
        guard arrived > 0 else { return nil }
        var sentence =
            "Of \(arrived) referrals arriving over the term, the thresholds decline \(ta) against \(tb) in the baseline (\(signed(ta - tb)))"
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.urn, $0.name) })
        let more = a.map { ($0.key, $0.value - (b[$0.key] ?? 0)) }.filter { $0.1 > 0 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        if !more.isEmpty {
            sentence += "; the extra declines come from " + more.map { "\(names[$0.0] ?? $0.0) (\($0.1))" }.joined(separator: ", ")
        }
        return sentence + "."
    }

    func declined(_ weeks: [WeekFigures]) -> [String: Int] {
        weeks.reduce(into: [:]) { acc, w in for (urn, n) in w.declined { acc[urn, default: 0] += n } }
    }

    /// Every week's figures of both runs as JSON, for a spreadsheet or another chart.
    public func figuresJSON() throws -> Data {
        func rows(_ weeks: [WeekFigures]) -> [[String: Any]] {
            weeks.map { w in
                [
                    "week": w.week.description, "waiting": w.waiting, "within_target": w.withinTarget, "median_wait": w.medianWait,
                    "p90_wait": w.p90Wait, "statutory_breaches": w.statutoryBreaches, "travel_minutes": w.travelMinutes, "miles": w.miles,
                    "session_hours": w.sessionHours, "working_hours": w.workingHours, "school_hours": w.schoolHours,
                    "arrived": w.arrived, "declined": w.declined,
                ]
            }
        }
        let object: [String: Any] = [
            "summary": summary, "services": services, "baseline": rows(baseline), "alternative": rows(alternative),
            "schools": schools.map { ["urn": $0.urn, "name": $0.name, "fair_share": $0.share] },
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }

    func total(_ weeks: [WeekFigures], _ key: KeyPath<WeekFigures, Int>) -> Int { weeks.reduce(0) { $0 + $1[keyPath: key] } }
    func totalMiles(_ weeks: [WeekFigures]) -> Double { weeks.reduce(0) { $0 + $1.miles } }
    func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }

    /// Hours per school over the term, in each run.
    func schoolHours(_ weeks: [WeekFigures]) -> [String: Double] {
        var out: [String: Double] = [:]
        for w in weeks { for (urn, byService) in w.schoolHours { out[urn, default: 0] += byService.values.reduce(0, +) } }
        return out
    }

    /// Each school's relative change in hours, alternative against baseline.
    func schoolChanges() -> [(urn: String, name: String, change: Double)] {
        let hb = schoolHours(baseline)
        let ha = schoolHours(alternative)
        return schools.compactMap { s in
            guard let before = hb[s.urn], before > 0 else { return nil }
            return (s.urn, s.name, ((ha[s.urn] ?? 0) - before) / before)
        }.sorted { $0.change < $1.change }
    }

    /// Utilisation over the term, session hours over working hours.
    func utilisation(_ weeks: [WeekFigures]) -> Double {
        let working = weeks.reduce(0) { $0 + $1.workingHours }
        return working > 0 ? weeks.reduce(0) { $0 + $1.sessionHours } / working : 0
    }

    /// The terminal report.
    public var text: String {
        var lines = summary
        lines.append("")
        lines.append("week        " + services.map { "\($0) waiting (base/alt)" }.joined(separator: "  "))
        for (b, a) in zip(baseline, alternative) {
            if let holiday = b.holidayBefore { lines.append("            (\(holiday))") }
            lines.append(
                b.week.description + "  "
                    + services.map { s in "\(b.waiting[s] ?? 0)/\(a.waiting[s] ?? 0)".padding(toLength: s.count + 22, withPad: " ", startingAt: 0) }
                    .joined())
        }
        lines.append(String(format: "utilisation %.0f%% against %.0f%% in the baseline", 100 * utilisation(alternative), 100 * utilisation(baseline)))
        return lines.joined(separator: "\n")
    }
}
