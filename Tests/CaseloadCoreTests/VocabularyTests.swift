import CaseloadConfig
import CaseloadCore
import Foundation
import Testing

/// Each code the data keeps has one set of words, and a reader takes either.
@Suite struct VocabularyTests {
    @Test func everyOutcomeIsReadByItsCodeOrItsWords() throws {
        for o in SessionOutcome.allCases {
            #expect(try SessionOutcome(named: o.rawValue, field: "outcome") == o)
            #expect(try SessionOutcome(named: " \(o.words.uppercased()) ", field: "outcome") == o)
        }
        let error = try #require(throws: InputError.self) { try SessionOutcome(named: "went well", field: "outcomes[2].outcome") }
        #expect(error.field == "outcomes[2].outcome" && error.problem.contains("pupil_absent"))
    }

    @Test func everyCodeHasItsOwnWords() {
        for words in [AreaOfNeed.allCases.map(\.words), SessionOutcome.allCases.map(\.words), ReferralStatus.allCases.map(\.words)] {
            #expect(Set(words).count == words.count && !words.contains { $0.contains("_") })
        }
    }

    @Test func aServiceAndItsPathwayAreSaidAsATrustWouldSayThem() throws {
        let config = try TrustConfigFile.load(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Config/trust.yaml").path)
        let salt = try #require(config.service("SALT"))
        #expect(salt.words(pathway: "therapy_block") == "Speech and language therapy, a block of 6 weekly 30-minute sessions")
        #expect(try #require(config.service("EP")).words(pathway: "assessment") == "Educational psychology, one 180-minute session")
        #expect(salt.words(pathway: "no such") == "Speech and language therapy")
        #expect(Pathway(name: "x", sessions: 4, minutes: 60, everyWeeks: 2).words == "4 sessions of 60 minutes every 2 weeks")
    }
}
