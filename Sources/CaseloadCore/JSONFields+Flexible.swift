extension JSONFields {
    /// A whole number written as a number or as text (CSV cells are text).
    public func flexibleInt(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard let v = optional(key) else { return nil }
        if case .string(let s) = v {
            guard let i = Int(s.trimmingCharacters(in: .whitespaces)), range.contains(i) else {
                throw error(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound), found \"\(s)\"")
            }
            return i
        }
        return try int(key, in: range)
    }

    /// A number written as a number or as text.
    public func flexibleDouble(_ key: String) throws(InputError) -> Double? {
        guard let v = optional(key) else { return nil }
        if case .string(let s) = v {
            guard let d = Double(s.trimmingCharacters(in: .whitespaces)) else { throw error(key, "must be a number, found \"\(s)\"") }
            return d
        }
        return try number(key)
    }

    /// A list written as a YAML/JSON list or as text separated by `;`.
    public func flexibleList(_ key: String) throws(InputError) -> [String] {
        guard let v = optional(key) else { return [] }
        if case .string(let s) = v {
            return s.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return try strings(key) ?? []
    }

    /// yes/no, true/false, y/n or 1/0.
    public func flexibleBool(_ key: String) throws(InputError) -> Bool? {
        guard let v = optional(key) else { return nil }
        if case .string(let s) = v {
            switch s.lowercased().trimmingCharacters(in: .whitespaces) {
            case "yes", "y", "true", "1": return true
            case "no", "n", "false", "0", "": return false
            default: throw error(key, "must be yes or no, found \"\(s)\"")
            }
        }
        return try optionalBool(key)
    }

    /// School days (Monday to Friday) written as a list or as `mon;wed`, short or in full.
    public func flexibleDays(_ key: String) throws(InputError) -> [Weekday] {
        var days: [Weekday] = []
        for name in try flexibleList(key) {
            let word = name.lowercased()
            guard let d = Weekday.allCases.prefix(5).first(where: { $0.rawValue == word || $0.displayName.lowercased() == word }) else {
                throw error(key, "\"\(name)\" is not a school day; use mon, tue, wed, thu, fri")
            }
            if !days.contains(d) { days.append(d) }
        }
        return days
    }
}
