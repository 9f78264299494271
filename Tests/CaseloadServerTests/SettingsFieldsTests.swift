import CaseloadConfig
import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CaseloadServer

/// Thresholds, weights and target waits in form fields (issue 27): written into the settings file
/// with its comments kept, then checked and previewed exactly as an edit of the file is.
@Suite struct SettingsFieldsTests {
    @Test func theFieldsChangeTheNumbersAndKeepTheComments() async throws {
        let h = try Harness()
        defer { h.cleanup() }
        let before = h.state.configText
        try await h.app.test(.router) { client in
            let leader = try await Browser.signIn(client, h.leader)
            let (fh, fb) = leader.form([("threshold[SALT]", "35"), ("target[SALT:high]", "12"), ("weight[safeguarding]", "20"), ("ageing", "1.5")])
            let preview = try await client.execute(uri: "/settings/fields", method: .post, headers: fh, body: fb)
            let page = String(buffer: preview.body)
            #expect(preview.status == .ok && page.contains("25 now, 35 after"), "previewed as an edit is")
            let (bh, bb) = leader.form([("threshold[SALT]", "lots")])
            let refused = try await client.execute(uri: "/settings/fields", method: .post, headers: bh, body: bb)
            let said = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent && said.contains("Speech and language therapy threshold: give a whole number"), "\(said)")
        }
        #expect(h.state.configText == before, "nothing is saved by a preview")
        let form = SettingsFieldsForm(
            threshold: ["SALT": "35"], cycles: nil, target: ["SALT:high": "12"], weight: ["safeguarding": "20"], ageing: "1.5")
        let yaml = try SettingsFields.patched(form, config: h.state.config, yaml: before)
        let changed = zip(
            before.split(separator: "\n", omittingEmptySubsequences: false), yaml.split(separator: "\n", omittingEmptySubsequences: false)
        )
        .filter { $0.0 != $0.1 }
        #expect(changed.count == 3, "three lines change, nothing else: \(changed)")
        #expect(changed.contains { $0.1.hasSuffix("safeguarding: 20           # a safeguarding concern") }, "the comment keeps its column")
        let parsed = try TrustConfigFile.parse(yaml)
        #expect(parsed.service("SALT")?.threshold == 35 && parsed.service("SALT")?.targetWeeks["high"] == 12 && parsed.weights[.safeguarding] == 20)
        #expect(parsed.service("EP")?.threshold == h.state.config.service("EP")?.threshold)
    }
}
