import CaseloadConfig
import CaseloadCore
import CaseloadTestSupport
import Foundation
import Testing

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let shippedConfig = try! String(contentsOf: repoRoot.appendingPathComponent("Config/trust.yaml"), encoding: .utf8)

@Suite struct TrustConfigTests {
    @Test func shippedConfigIsValid() throws {
        let c = try TrustConfigFile.parse(shippedConfig)
        #expect(c.services.map(\.code) == ["EP", "SALT", "COUNSELLING"])
        #expect(c.service("SALT")?.pathway(nil)?.sessions == 6)
        #expect(c.service("COUNSELLING")?.pathway(nil)?.sameWeekday == .preferred)
        #expect(c.bands.map(\.name) == ["urgent", "high", "routine"])
        #expect(c.statutory.adviceWeeks == 6)
        #expect(c.planning.searchSeconds == 30)
    }

    /// The weekly job's search time: 0 to 600 seconds, 30 when the file leaves it out.
    @Test func planningSearchSeconds() throws {
        let edited = shippedConfig.replacingOccurrences(of: "search_seconds: 30", with: "search_seconds: 0")
        #expect(try TrustConfigFile.parse(edited).planning.searchSeconds == 0)
        let without = shippedConfig.replacingOccurrences(of: "  search_seconds: 30\n", with: "")
        #expect(without != shippedConfig)
        #expect(try TrustConfigFile.parse(without).planning.searchSeconds == 30)
        expectRefused("search_seconds: 30", "search_seconds: 601", field: "planning.search_seconds", mentions: "600")
        expectRefused("search_seconds: 30", "search_seconds: half a minute", field: "planning.search_seconds", mentions: "number")
        expectRefused("search_seconds: 30", "search_secs: 30", field: "planning.search_secs", mentions: "did you mean \"search_seconds\"")
    }

    /// The shipped notice, lunch break and urgency rule, and what a mistake in each says.
    @Test func noticeBreakAndUrgency() throws {
        let c = try TrustConfigFile.parse(shippedConfig)
        #expect(c.planning.noticeSchoolDays == 2 && c.planning.lunchBreak == PlanningRule.standardBreak)
        #expect(c.urgency == UrgencyRule(bands: ["urgent"], reservePercent: 15, mayPostponeBlocks: false))
        let noBreak = shippedConfig.replacingOccurrences(of: "lunch_break:\n    minutes: 30\n", with: "lunch_break:\n    minutes: 0\n")
        #expect(try TrustConfigFile.parse(noBreak).planning.lunchBreak == nil)
        expectRefused("notice_school_days: 2", "notice_school_days: 11", field: "planning.notice_school_days", mentions: "10")
        expectRefused("    latest_end: \"13:30\"", "    latest_end: \"12:10\"", field: "planning.lunch_break.latest_end", mentions: "must fit")
        expectRefused("  bands: [urgent]", "  bands: [urgnet]", field: "urgency.bands", mentions: "urgent, high, routine")
        expectRefused("  reserve_percent: 15", "  reserve_percent: 80", field: "urgency.reserve_percent", mentions: "50")
    }

    func expectRefused(_ from: String, _ to: String, field: String, mentions: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let edited = shippedConfig.replacingOccurrences(of: from, with: to)
        #expect(edited != shippedConfig, "edit did not apply", sourceLocation: sourceLocation)
        do {
            _ = try TrustConfigFile.parse(edited)
            Issue.record("accepted a bad config", sourceLocation: sourceLocation)
        } catch {
            #expect(error.field == field, sourceLocation: sourceLocation)
            #expect(error.problem.contains(mentions), "\(error.problem)", sourceLocation: sourceLocation)
        }
    }

    @Test func badValuesNameTheKeyAndWhatIsAllowed() {
        expectRefused("threshold: 30", "threshold: lots", field: "services.EP.threshold", mentions: "number")
        expectRefused("ageing_points_per_week: 1.5", "ageing_points_per_week: -1", field: "priority.ageing_points_per_week", mentions: "from 0")
        expectRefused("      urgent: 2\n", "      urgnet: 2\n", field: "services.COUNSELLING.target_weeks.urgent", mentions: "required")
        expectRefused(
            "default_pathway: assessment", "default_pathway: triage", field: "services.EP.default_pathway", mentions: "assessment, consultation")
        expectRefused(
            "same_weekday: preferred        #", "same_weekday: maybe        #", field: "services.COUNSELLING.pathways.counselling.same_weekday",
            mentions: "required, preferred or no")
        expectRefused(
            "same_time_within_minutes: 30   #", "same_time_within_minutes: 300   #",
            field: "services.SALT.pathways.therapy_block.same_time_within_minutes", mentions: "240")
        expectRefused("    service: EP\n", "    service: OT\n", field: "priority.statutory.service", mentions: "not one of")
        expectRefused("    routine: 0\n", "    routine: 5\n", field: "priority.bands", mentions: "starting at 0")
    }

    @Test func malformedYAMLSaysSo() {
        #expect(throws: InputError.self) { try TrustConfigFile.parse("trust: [unclosed") }
        #expect(throws: InputError.self) { try TrustConfigFile.parse("") }
    }
}

@Suite struct StarterConfigTests {
    @Test func initWritesTheShippedConfig() {
        #expect(StarterConfig.yaml == shippedConfig)
    }
}
