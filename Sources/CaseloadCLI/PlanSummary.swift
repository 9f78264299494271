import CaseloadCore
import Foundation

/// The short summary `caseload plan` prints.
struct PlanSummary {
    let plan: WeekPlan
    let scenario: WeekScenario
    let path: String

    var text: String {
        guard let s = plan.statistics else { return "wrote \(path)" }
        var lines = [
            "Plan for \(scenario.name) (week of \(scenario.weekStart)) written to \(path)",
            "  sessions placed   \(s.placedSessions) of \(s.sessions)",
            String(
                format: "  served priority   %d of %d requested; %.1f%% of the most any plan could serve (%d)",
                s.servedPriority, s.totalPriority, 100 * s.shareOfBound, s.upperBound),
            "  travel            \(s.travelMinutes) minutes over \(plan.routes.count) specialist-days",
            String(format: "  search            %.1f s, %d iterations per thread, seed %llu", s.seconds, s.iterations, s.seed),
        ]
        if s.rounds > 1 { lines.append("  anytime search    \(s.rounds) rounds, each restarted from the best plan") }
        let reasons = Dictionary(grouping: plan.unassigned, by: \.code)
        if !reasons.isEmpty {
            lines.append("  not placed:")
            for code in UnassignedCode.allCases { if let n = reasons[code]?.count { lines.append("    \(n) \(code.rawValue)") } }
        }
        return lines.joined(separator: "\n")
    }
}
