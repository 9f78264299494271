/// A specialist as the roster lists them, with the school their base is at (if any).
public struct RosterEntry: Hashable, Sendable {
    public var specialist: Specialist
    public var baseSchool: String?

    /// An entry of the roster.
    public init(specialist: Specialist, baseSchool: String?) {
        self.specialist = specialist
        self.baseSchool = baseSchool
    }
}
