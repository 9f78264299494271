/// Reads the fields of one JSON object, naming its path and record id in every error.
public struct JSONFields: Sendable {
    let values: [String: JSONValue]
    /// Keys in document order where the reader knows it (YAML), else sorted.
    public let keys: [String]
    /// Path of this object, e.g. `sessions[3]`.
    public let path: String
    /// The record's id, once known, for messages.
    public var id: String?

    /// Wraps a value that must be an object at `path`.
    public init(_ value: JSONValue, path: String, id: String? = nil) throws(InputError) {
        switch value {
        case .object(let values):
            self.values = values
            keys = values.keys.sorted()
        case .orderedObject(let pairs):
            values = Dictionary(pairs, uniquingKeysWith: { a, _ in a })
            keys = pairs.map(\.0)
        default:
            throw InputError(field: path, id: id, problem: "must be a mapping of keys to values, found \(value.kind)")
        }
        self.path = path
        self.id = id
    }

    /// Refuses any key not in `allowed`, naming it and the keys that are accepted (a typo never
    /// drops a field without a word).
    public func onlyKeys(_ allowed: [String]) throws(InputError) {
        guard let unknown = keys.first(where: { !allowed.contains($0) }) else { return }
        let nearest = allowed.min { JSONFields.distance(unknown, $0) < JSONFields.distance(unknown, $1) }
        let hint = nearest.map { JSONFields.distance(unknown, $0) <= max(2, $0.count / 3) ? "did you mean \"\($0)\"? " : "" } ?? ""
        throw error(unknown, "is not a field here; \(hint)the fields are \(allowed.joined(separator: ", "))")
    }

    /// Levenshtein distance, for "did you mean".
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased())
        let b = Array(b.lowercased())
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// An error on `key` of this object.
    public func error(_ key: String, _ problem: String) -> InputError {
        InputError(field: field(key), id: id, problem: problem)
    }

    /// The value at `key`, treating JSON `null` as absent.
    public func optional(_ key: String) -> JSONValue? {
        guard let v = values[key], v != .null else { return nil }
        return v
    }

    func required(_ key: String) throws(InputError) -> JSONValue {
        guard let v = optional(key) else { throw error(key, "is required but missing") }
        return v
    }

    /// A required string.
    public func string(_ key: String) throws(InputError) -> String {
        guard case .string(let s) = try required(key) else { throw error(key, "must be a string") }
        return s
    }

    /// An optional string.
    public func optionalString(_ key: String) throws(InputError) -> String? {
        guard optional(key) != nil else { return nil }
        return try string(key)
    }

    /// A required number.
    public func number(_ key: String) throws(InputError) -> Double {
        guard case .number(let n) = try required(key), n.isFinite else { throw error(key, "must be a number") }
        return n
    }

    /// A number as a person writes it: `9`, not `9.0`; `2.5` as it is.
    public static func spoken(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }

    /// A required whole number in `range`.
    public func int(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int {
        let n = try number(key)
        guard n == n.rounded(), let i = Int(exactly: n), range.contains(i) else {
            throw error(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound), found \(JSONFields.spoken(n))")
        }
        return i
    }

    /// An optional whole number in `range`.
    public func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard optional(key) != nil else { return nil }
        return try int(key, in: range)
    }

    /// An optional true/false value.
    public func optionalBool(_ key: String) throws(InputError) -> Bool? {
        guard let v = optional(key) else { return nil }
        guard case .bool(let b) = v else { throw error(key, "must be true or false") }
        return b
    }

    /// A required true/false value.
    public func bool(_ key: String) throws(InputError) -> Bool {
        guard let b = try optionalBool(key) else { throw error(key, "is required but missing (true or false)") }
        return b
    }

    /// An optional number in `range`.
    public func optionalNumber(_ key: String, in range: ClosedRange<Double>) throws(InputError) -> Double? {
        guard optional(key) != nil else { return nil }
        let n = try number(key)
        guard range.contains(n) else {
            throw error(
                key, "must be from \(JSONFields.spoken(range.lowerBound)) to \(JSONFields.spoken(range.upperBound)), found \(JSONFields.spoken(n))")
        }
        return n
    }

    /// A required array.
    public func array(_ key: String) throws(InputError) -> [JSONValue] {
        guard case .array(let a) = try required(key) else { throw error(key, "must be an array") }
        return a
    }

    /// An optional array of strings (absent means empty).
    public func strings(_ key: String) throws(InputError) -> [String]? {
        guard let value = optional(key) else { return nil }
        guard case .array(let items) = value else { throw error(key, "must be an array of strings") }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw error(key, "must contain only strings") }
            out.append(s)
        }
        return out
    }

    /// An optional `HH:MM` time.
    public func optionalTime(_ key: String) throws(InputError) -> ClockTime? {
        guard let text = try optionalString(key) else { return nil }
        guard let t = ClockTime(text) else {
            throw error(key, "\"\(text)\" is not a time; write HH:MM on the 24-hour clock, e.g. 09:00")
        }
        return t
    }

    /// A required `HH:MM` time.
    public func time(_ key: String) throws(InputError) -> ClockTime {
        guard let t = try optionalTime(key) else { throw error(key, "is required but missing") }
        return t
    }

    /// A nested object.
    public func object(_ key: String) throws(InputError) -> JSONFields {
        try JSONFields(required(key), path: field(key), id: id)
    }
}
