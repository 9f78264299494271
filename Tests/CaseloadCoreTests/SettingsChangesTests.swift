import CaseloadConfig
import CaseloadCore
import Foundation
import Testing

/// What a what-if compares, said as a leader would write it.
@Suite struct SettingsChangesTests {
    @Test func eachChangeIsNamedWithItsOldAndNewValue() throws {
        let config = try TrustConfigFile.load(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Config/trust.yaml").path)
        #expect(SettingsChanges.between(config, config).isEmpty)
        var changed = config
        let salt = try #require(changed.services.firstIndex { $0.code == "SALT" })
        changed.services[salt].threshold = 35
        changed.weights[.safeguarding] = 25
        changed.urgency.reservePercent = 20
        #expect(
            SettingsChanges.between(config, changed) == ["SALT threshold 25 → 35", "safeguarding weight 15 → 25", "urgent reserve % 15 → 20"])
    }
}
