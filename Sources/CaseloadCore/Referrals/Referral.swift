/// The SEND Code of Practice's four broad areas of need.
public enum AreaOfNeed: String, CaseIterable, Sendable, Codable {
    case communicationAndInteraction = "communication_interaction"
    case cognitionAndLearning = "cognition_learning"
    case socialEmotionalMentalHealth = "semh"
    case sensoryPhysical = "sensory_physical"
}

/// Where a referral stands.
public enum ReferralStatus: String, CaseIterable, Sendable, Codable {
    /// On the waiting list.
    case waiting
    /// Did not meet the threshold; never on the list.
    case declined
    /// Sessions booked or under way.
    case active
    /// Paused by the school or the service; keeps its place but is not offered sessions.
    case onHold = "on_hold"
    case withdrawn
    case completed

    /// Statuses that still occupy the pupil's one open referral per service.
    public var isOpen: Bool { self == .waiting || self == .active || self == .onHold }
}

/// The circumstances that raise a referral's priority, as the trust weighs them.
public struct ReferralFlags: Hashable, Sendable, Codable {
    public var ehcPlan = false
    public var ehcNeedsAssessment = false
    public var exclusionRisk = false
    public var lookedAfter = false
    public var safeguarding = false

    /// Flags, all false unless given.
    public init(
        ehcPlan: Bool = false, ehcNeedsAssessment: Bool = false, exclusionRisk: Bool = false,
        lookedAfter: Bool = false, safeguarding: Bool = false
    ) {
        self.ehcPlan = ehcPlan
        self.ehcNeedsAssessment = ehcNeedsAssessment
        self.exclusionRisk = exclusionRisk
        self.lookedAfter = lookedAfter
        self.safeguarding = safeguarding
    }
}

/// The circumstances a trust weighs, by the one name each has in requests, files, settings and
/// forms, with the words a person reads.
public enum ReferralFlag: String, CaseIterable, Sendable {
    case ehcPlan = "ehc_plan"
    case ehcNeedsAssessment = "ehc_needs_assessment"
    case exclusionRisk = "exclusion_risk"
    case lookedAfter = "looked_after"
    case safeguarding

    /// The circumstance in a few words ("at risk of exclusion").
    public var words: String {
        switch self {
        case .ehcPlan: "has an EHC plan"
        case .ehcNeedsAssessment: "an EHC needs assessment has been requested"
        case .exclusionRisk: "at risk of exclusion"
        case .lookedAfter: "looked after"
        case .safeguarding: "a safeguarding concern"
        }
    }

    /// Every flag's name, for help texts and error messages.
    public static let namesList = allCases.map(\.rawValue).joined(separator: ", ")

    /// The key path of this flag in `ReferralFlags` and in the trust's `Weights`.
    var flagPath: WritableKeyPath<ReferralFlags, Bool> {
        switch self {
        case .ehcPlan: \.ehcPlan
        case .ehcNeedsAssessment: \.ehcNeedsAssessment
        case .exclusionRisk: \.exclusionRisk
        case .lookedAfter: \.lookedAfter
        case .safeguarding: \.safeguarding
        }
    }
}

extension ReferralFlags {
    /// Whether `flag` is set.
    public subscript(flag: ReferralFlag) -> Bool {
        get { self[keyPath: flag.flagPath] }
        set { self[keyPath: flag.flagPath] = newValue }
    }

    /// The flags that are set.
    public var raised: [ReferralFlag] { ReferralFlag.allCases.filter { self[$0] } }

    /// The flags that are set, by their names in requests.
    public var names: [String] { raised.map(\.rawValue) }

    /// The flags named by `names`; `nil` when a name is not a flag's.
    public init?(names: [String]) {
        self.init()
        for name in names {
            guard let flag = ReferralFlag(rawValue: name) else { return nil }
            self[flag] = true
        }
    }
}

/// What a SENCO submits. No names: `pupilRef` is the school's own reference for the pupil.
public struct ReferralRequest: Hashable, Sendable {
    public var school: String
    public var pupilRef: String
    public var yearGroup: Int
    public var service: String
    /// The pathway within the service; `nil` for the service's default.
    public var pathway: String?
    public var area: AreaOfNeed
    /// 1 (mild) to 5 (severe).
    public var severity: Int
    public var flags: ReferralFlags
    /// Assess-plan-do-review cycles completed in school.
    public var apdrCycles: Int
    public var consent: Bool
    /// Days that suit the school best; the planner favours them.
    public var preferredDays: [Weekday]
    /// The preferred days are the only days possible (not just the best ones).
    public var daysOnly: Bool = false
    /// A skill the specialist must have (`ADOS`, `AAC`, ...), as the roster records skills.
    public var skill: String?
    public var reason: String
    /// The day the request reached the trust.
    public var receivedOn: CalendarDate

    /// A request with every field.
    public init(
        school: String, pupilRef: String, yearGroup: Int, service: String, pathway: String? = nil,
        area: AreaOfNeed, severity: Int, flags: ReferralFlags = ReferralFlags(), apdrCycles: Int,
        consent: Bool, preferredDays: [Weekday] = [], reason: String, receivedOn: CalendarDate
    ) {
        self.school = school
        self.pupilRef = pupilRef
        self.yearGroup = yearGroup
        self.service = service
        self.pathway = pathway
        self.area = area
        self.severity = severity
        self.flags = flags
        self.apdrCycles = apdrCycles
        self.consent = consent
        self.preferredDays = preferredDays
        self.reason = reason
        self.receivedOn = receivedOn
    }
}

/// A referral as kept: the request, the decision on it and where it stands now.
public struct Referral: Hashable, Sendable {
    public var id: Int64
    public var request: ReferralRequest
    public var pathway: String
    public var status: ReferralStatus
    /// Priority score at intake (before ageing, deadline and fair share).
    public var score: Int
    public var band: String
    /// Why it was declined, each with what would change the answer (empty when accepted).
    public var declineReasons: [String]

    /// A stored referral.
    public init(
        id: Int64, request: ReferralRequest, pathway: String, status: ReferralStatus, score: Int,
        band: String, declineReasons: [String]
    ) {
        self.id = id
        self.request = request
        self.pathway = pathway
        self.status = status
        self.score = score
        self.band = band
        self.declineReasons = declineReasons
    }
}
