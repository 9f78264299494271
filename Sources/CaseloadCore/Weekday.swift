/// A day of the school week as the week problem names it (`mon` … `sun`).
public enum Weekday: String, CaseIterable, Sendable, Codable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Position in the week, Monday being 0.
    public var index: Int { Weekday.allCases.firstIndex(of: self)! }

    /// The day's full English name, for people.
    public var displayName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][index]
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}
