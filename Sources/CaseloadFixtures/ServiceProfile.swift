import CaseloadCore

/// How one service's specialists work and what its sessions look like, for realistic fixtures.
public struct ServiceProfile: Sendable {
    /// A kind of session the service delivers, with how often it occurs.
    public struct Kind: Sendable {
        public var name: String
        public var duration: Int
        public var share: Double
        /// Share of this kind that continues a weekly series (pinned to the same specialist).
        public var seriesShare: Double
        /// Whether a series also keeps the same weekday.
        public var sameWeekday: Bool
    }

    public var service: String
    public var kinds: [Kind]
    /// Skills some specialists have and some sessions need, with the share of each.
    public var skills: [(name: String, specialistShare: Double, sessionShare: Double)]
    public var maxTravel: Int
    public var maxSchools: Int

    /// Educational psychology: long assessments (some for EHC needs assessments) and consultations.
    public static let ep = ServiceProfile(
        service: "EP",
        kinds: [
            Kind(name: "assessment", duration: 180, share: 0.35, seriesShare: 0, sameWeekday: false),
            Kind(name: "consultation", duration: 60, share: 0.65, seriesShare: 0.2, sameWeekday: false),
        ],
        skills: [("ADOS", 0.4, 0.1), ("cognitive", 0.8, 0.15)], maxTravel: 180, maxSchools: 2)

    /// Speech and language therapy: short therapy sessions in blocks, assessments and groups.
    public static let salt = ServiceProfile(
        service: "SALT",
        kinds: [
            Kind(name: "therapy", duration: 30, share: 0.6, seriesShare: 0.55, sameWeekday: false),
            Kind(name: "assessment", duration: 60, share: 0.25, seriesShare: 0, sameWeekday: false),
            Kind(name: "group", duration: 45, share: 0.15, seriesShare: 0.5, sameWeekday: true),
        ],
        skills: [("AAC", 0.4, 0.08), ("dysfluency", 0.3, 0.05)], maxTravel: 150, maxSchools: 3)

    /// Counselling: weekly 50-minute sessions with the same counsellor on the same weekday.
    public static let counselling = ServiceProfile(
        service: "COUNSELLING",
        kinds: [Kind(name: "session", duration: 50, share: 1, seriesShare: 0.6, sameWeekday: true)],
        skills: [("play-therapy", 0.4, 0.1), ("trauma", 0.5, 0.1)], maxTravel: 150, maxSchools: 3)

    /// The three services a trust usually employs.
    public static let standard = [ep, salt, counselling]
}
