import Foundation

/// The answer to a referral at intake.
public enum IntakeDecision: Hashable, Sendable {
    /// Joins the waiting list with this score and band.
    case accepted(score: Int, band: String, pathway: Pathway)
    /// Does not join; every reason says what would change the answer.
    case declined(score: Int, reasons: [String])

    /// The priority score either way.
    public var score: Int {
        switch self {
        case .accepted(let s, _, _), .declined(let s, _): s
        }
    }
}

/// The trust's threshold for joining a service's waiting list: consent always, enough
/// assess-plan-do-review cycles (waived for an EHC needs assessment), and a high enough score.
public struct Threshold: Sendable {
    public let config: TrustConfig

    /// The threshold under `config`.
    public init(_ config: TrustConfig) { self.config = config }

    /// The score a request earns from the trust's weights, before ageing and fair share.
    public func score(_ r: ReferralRequest) -> Int {
        let w = config.weights
        var points = Double(r.severity) * w.severity
        for flag in r.flags.raised { points += w[flag] }
        return Int(points.rounded())
    }

    /// Refuses a request for a service or pathway the trust does not run: that is a mistake to fix,
    /// not a referral the thresholds turned down, so nothing is stored.
    public func check(_ r: ReferralRequest) throws(InputError) {
        if let pattern = config.pupilRefPattern, let regex = try? NSRegularExpression(pattern: pattern),
            regex.firstMatch(in: r.pupilRef, range: NSRange(r.pupilRef.startIndex..., in: r.pupilRef)) == nil
        {
            throw InputError(field: "pupil_ref", problem: "does not have the shape the trust uses for pupil references (\(pattern))")
        }
        guard let rules = config.service(r.service) else {
            throw InputError(
                field: "service",
                problem:
                    "the trust does not run a service \"\(r.service.prefix(40))\"; use one of \(config.services.map(\.code).joined(separator: ", "))")
        }
        guard rules.pathway(r.pathway) != nil else {
            throw InputError(
                field: "pathway",
                problem:
                    "\(rules.name) has no pathway \"\((r.pathway ?? "").prefix(40))\"; use one of \(rules.pathways.map(\.name).joined(separator: ", "))"
            )
        }
    }

    /// Evaluates a request: accepted with score and band, or declined with every reason.
    public func evaluate(_ r: ReferralRequest) -> IntakeDecision {
        let score = score(r)
        guard let rules = config.service(r.service) else {
            let known = config.services.map(\.code).joined(separator: ", ")
            return .declined(score: score, reasons: ["the trust does not run a \(r.service) service; refer to one of \(known)"])
        }
        guard let pathway = rules.pathway(r.pathway) else {
            let known = rules.pathways.map(\.name).joined(separator: ", ")
            return .declined(score: score, reasons: ["\(rules.name) has no pathway \"\(r.pathway ?? "")\"; choose one of \(known)"])
        }
        let reasons = reasons(r, rules, score)
        return reasons.isEmpty
            ? .accepted(score: score, band: config.band(for: score), pathway: pathway)
            : .declined(score: score, reasons: reasons)
    }

    func reasons(_ r: ReferralRequest, _ rules: ServiceRules, _ score: Int) -> [String] {
        var out: [String] = []
        if !r.consent {
            out.append("parental consent is missing: record the parents' consent and refer again")
        }
        if !r.flags.ehcNeedsAssessment, r.apdrCycles < rules.apdrCycles {
            out.append(
                "\(r.apdrCycles) of the \(rules.apdrCycles) assess-plan-do-review cycles \(rules.name) asks for: complete \(rules.apdrCycles - r.apdrCycles) more, or refer as part of an EHC needs assessment"
            )
        }
        if score < rules.threshold {
            out.append(
                "priority score \(score) is below the \(rules.name) threshold of \(rules.threshold): it would join the list if its severity or circumstances (EHC plan, exclusion risk, looked after, safeguarding) added \(rules.threshold - score) points"
            )
        }
        return out
    }
}
