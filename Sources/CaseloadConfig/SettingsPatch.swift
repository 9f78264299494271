import CaseloadCore
import Foundation

/// Changes single values in the trust's settings file by their path (`services.EP.threshold`),
/// keeping every other line, comment and the comments' column as they are, so that a change made
/// in form fields saves the same commented file the YAML editor would.
public enum SettingsPatch {
    /// `text` with the value at `path` (mapping keys from the top) set to `value`; an error naming
    /// the path when the file does not have it.
    public static func set(_ path: [String], to value: String, in text: String) throws(InputError) -> String {
        var lines = text.components(separatedBy: "\n")
        var stack: [(indent: Int, key: String)] = []
        for i in lines.indices {
            guard let (indent, key, colon) = entry(lines[i]) else { continue }
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            stack.append((indent, key))
            guard stack.map(\.key) == path else { continue }
            lines[i] = replaced(lines[i], colon: colon, value: value)
            return lines.joined(separator: "\n")
        }
        throw InputError(field: path.joined(separator: "."), problem: "is not in the settings file; add it with the settings file's editor below")
    }

    /// A mapping line's indent, key and the offset of its colon; `nil` for blank lines, comments
    /// and list items.
    static func entry(_ line: String) -> (Int, String, Int)? {
        let chars = Array(line)
        let indent = chars.prefix { $0 == " " }.count
        guard indent < chars.count, chars[indent] != "#", chars[indent] != "-", let colon = chars[indent...].firstIndex(of: ":") else {
            return nil
        }
        let key = String(chars[indent..<colon]).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        return key.isEmpty ? nil : (indent, key, colon)
    }

    /// `line` with the value after its colon replaced, the comment kept at its column.
    static func replaced(_ line: String, colon: Int, value: String) -> String {
        let chars = Array(line)
        let rest = String(chars[(colon + 1)...])
        let head = String(chars[...colon]) + " " + value
        guard let hash = rest.range(of: " #") else { return head }
        let commentColumn = colon + 1 + rest.distance(from: rest.startIndex, to: hash.lowerBound) + 1
        let comment = String(rest[rest.index(after: hash.lowerBound)...])
        return head + String(repeating: " ", count: max(2, commentColumn - head.count)) + comment
    }
}
