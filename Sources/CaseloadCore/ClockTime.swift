/// A time of day in whole minutes since midnight, written `HH:MM` (24-hour).
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since midnight, 0...1440.
    public let minutes: Int

    /// Wraps a count of minutes since midnight.
    public init(minutes: Int) { self.minutes = minutes }

    /// Parses `HH:MM`; `nil` unless it has exactly five characters, hours 0–24 and minutes 0–59.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard text.count == 5, parts.count == 2,
            let hours = Int(parts[0]), let mins = Int(parts[1]),
            parts[0].count == 2, parts[1].count == 2,
            (0...24).contains(hours), (0..<60).contains(mins)
        else { return nil }
        minutes = hours * 60 + mins
    }

    /// `HH:MM`, zero-padded.
    public var description: String {
        let h = minutes / 60
        let m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}
