import CaseloadConfig
import CaseloadCore
import Foundation
import Testing

/// The scheduled jobs' settings: automatic publishing needs the weekly plan on a set day and
/// comes after it in the same week.
@Suite struct JobsSettingsTests {
    @Test func automaticPublishingComesAfterTheWeeklyPlanInTheSameWeek() throws {
        let base = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Config/trust.yaml"), encoding: .utf8)
        let ok = base + "\njobs:\n  weekly_plan: {day: thu, at: \"16:00\"}\n  auto_publish: {day: fri, at: \"12:00\"}\n"
        #expect(try TrustConfigFile.parse(ok).jobs.autoPublish == JobTime(day: .fri, at: ClockTime(minutes: 720)))
        for bad in ["auto_publish: {day: wed, at: \"12:00\"}", "auto_publish: {at: \"12:00\"}"] {
            let text = base + "\njobs:\n  weekly_plan: {day: thu, at: \"16:00\"}\n  \(bad)\n"
            #expect(throws: InputError.self) { try TrustConfigFile.parse(text) }
        }
        #expect(throws: InputError.self) { try TrustConfigFile.parse(base + "\njobs:\n  auto_publish: {day: fri, at: \"12:00\"}\n") }
    }
}
