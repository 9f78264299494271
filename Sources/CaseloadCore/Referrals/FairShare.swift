/// A school's size and need, from which its fair share of specialist time follows.
public struct SchoolNeed: Hashable, Sendable {
    public var urn: String
    public var pupils: Int
    public var senSupport: Int
    public var ehcPlans: Int

    /// A school's counts.
    public init(urn: String, pupils: Int, senSupport: Int, ehcPlans: Int) {
        self.urn = urn
        self.pupils = pupils
        self.senSupport = senSupport
        self.ehcPlans = ehcPlans
    }
}

/// Each school's entitlement (its share of pupils, SEN support and EHC plans, weighted as the
/// trust sets) and the priority a school below its share gains.
public struct FairShare: Sendable {
    /// Entitlement per school, summing to 1.
    public let entitlement: [String: Double]
    public let rule: FairShareRule

    /// Entitlements of `schools` under `rule`.
    public init(schools: [SchoolNeed], rule: FairShareRule) {
        self.rule = rule
        let weight = schools.map {
            Double($0.pupils) * rule.perPupil + Double($0.senSupport) * rule.perSENSupport + Double($0.ehcPlans) * rule.perEHCPlan
        }
        let total = weight.reduce(0, +)
        entitlement = Dictionary(uniqueKeysWithValues: zip(schools.map(\.urn), weight.map { total > 0 ? $0 / total : 0 }))
    }

    /// Points for a school that has had `received` of the service's time (a share, 0...1):
    /// `maxPoints` when it has had none, falling to 0 once it has its entitlement.
    public func points(school: String, received: Double) -> Double {
        guard let due = entitlement[school], due > 0 else { return 0 }
        let shortfall = max(0, min(1, (due - received) / due))
        return rule.maxPoints * shortfall
    }
}
