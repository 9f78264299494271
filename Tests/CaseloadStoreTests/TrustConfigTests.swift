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
        #expect(c.service("COUNSELLING")?.pathway(nil)?.sameWeekday == true)
        #expect(c.bands.map(\.name) == ["urgent", "high", "routine"])
        #expect(c.statutory.adviceWeeks == 6)
        #expect(c.planning.searchSeconds == 30)
    }

    /// The weekly job's search time: 0 to 600 seconds, 30 when the file leaves it out.
    @Test func planningSearchSeconds() throws {
        let edited = shippedConfig.replacingOccurrences(of: "search_seconds: 30", with: "search_seconds: 0")
        #expect(try TrustConfigFile.parse(edited).planning.searchSeconds == 0)
        let start = shippedConfig.range(of: "planning:\n")!
        let end = shippedConfig.range(of: "search_seconds: 30\n")!
        var without = shippedConfig
        without.removeSubrange(start.lowerBound..<end.upperBound)
        #expect(try TrustConfigFile.parse(without).planning.searchSeconds == 30)
        expectRefused("search_seconds: 30", "search_seconds: 601", field: "planning.search_seconds", mentions: "600")
        expectRefused("search_seconds: 30", "search_seconds: half a minute", field: "planning.search_seconds", mentions: "number")
        expectRefused("search_seconds: 30", "search_secs: 30", field: "planning.search_secs", mentions: "did you mean \"search_seconds\"")
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
            "same_weekday: true", "same_weekday: maybe", field: "services.COUNSELLING.pathways.counselling.same_weekday", mentions: "true or false")
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
