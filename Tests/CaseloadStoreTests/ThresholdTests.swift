import CaseloadCore
import Testing

/// EP under the shipped config: threshold 30, two APDR cycles, 10 points per severity level.
@Suite struct ThresholdTests {
    let threshold = Threshold(config)

    @Test func exactlyAtTheThresholdJoins() {
        let at = threshold.evaluate(request(severity: 3))  // 30 points
        guard case .accepted(let score, let band, let pathway) = at else {
            Issue.record("declined at the threshold")
            return
        }
        #expect(score == 30)
        #expect(band == "routine")
        #expect(pathway.name == "assessment")
    }

    @Test func onePointBelowIsDeclinedWithWhatWouldChangeIt() {
        var c = config
        c.services[0].threshold = 31
        guard case .declined(let score, let reasons) = Threshold(c).evaluate(request(severity: 3)) else {
            Issue.record("accepted below the threshold")
            return
        }
        #expect(score == 30)
        #expect(reasons.count == 1)
        #expect(reasons[0].contains("below the Educational psychology threshold of 31"))
        #expect(reasons[0].contains("added 1 points"))
    }

    @Test func consentIsAlwaysRequired() {
        let d = threshold.evaluate(request(severity: 5, flags: ReferralFlags(safeguarding: true), consent: false))
        guard case .declined(_, let reasons) = d else {
            Issue.record("accepted without consent")
            return
        }
        #expect(reasons == ["parental consent is missing: record the parents' consent and refer again"])
    }

    @Test func apdrCyclesAreNeededUnlessItIsAnEHCNeedsAssessment() {
        guard case .declined(_, let reasons) = threshold.evaluate(request(severity: 4, apdr: 1)) else {
            Issue.record("accepted with too few APDR cycles")
            return
        }
        #expect(reasons.count == 1 && reasons[0].hasPrefix("1 of the 2 assess-plan-do-review cycles"))
        let waived = threshold.evaluate(request(severity: 1, flags: ReferralFlags(ehcNeedsAssessment: true), apdr: 0))
        guard case .accepted(let score, _, _) = waived else {
            Issue.record("APDR not waived for a needs assessment")
            return
        }
        #expect(score == 35)
    }

    @Test func everyReasonIsGivenAtOnce() {
        guard case .declined(_, let reasons) = threshold.evaluate(request(severity: 1, apdr: 0, consent: false)) else {
            Issue.record("accepted")
            return
        }
        #expect(reasons.count == 3)
    }

    @Test func flagsAddTheirWeightsAndSetTheBand() {
        let flags = ReferralFlags(ehcPlan: true, exclusionRisk: true, lookedAfter: true, safeguarding: true)
        #expect(threshold.score(request(severity: 2, flags: flags)) == 20 + 10 + 12 + 10 + 15)
        guard case .accepted(_, let high, _) = threshold.evaluate(request(severity: 2, flags: flags)),
            case .accepted(_, let urgent, _) = threshold.evaluate(request(severity: 3, flags: flags))
        else {
            Issue.record("declined")
            return
        }
        #expect(high == "high")  // 67
        #expect(urgent == "urgent")  // 77
    }

    @Test func unknownServiceOrPathwayIsDeclined() {
        #expect(threshold.evaluate(request(service: "OT")).score == 30)
        if case .accepted = threshold.evaluate(request(service: "OT")) { Issue.record("accepted an unknown service") }
        var r = request()
        r.pathway = "triage"
        if case .accepted = threshold.evaluate(r) { Issue.record("accepted an unknown pathway") }
    }
}
