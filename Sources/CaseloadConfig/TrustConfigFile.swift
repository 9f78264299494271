import CaseloadCore
import Foundation
import Yams

/// Loads the trust's YAML settings (`Config/trust.yaml`) and validates them with the same
/// rules everywhere (CLI, server): errors name the key and the values allowed.
public enum TrustConfigFile {
    /// Parses and validates YAML text.
    public static func parse(_ yaml: String) throws(InputError) -> TrustConfig {
        try TrustConfig.decode(document(yaml))
    }

    /// Reads and validates the file at `path`.
    public static func load(_ path: String) throws(InputError) -> TrustConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(field: path, problem: "cannot be read; run `caseload init` to write a starter config, or pass --config PATH")
        }
        let text = try TrustConfigFile.text(data, what: path)
        do { return try parse(text) } catch {
            throw InputError(field: "\(path): \(error.field)", id: error.id, problem: error.problem)
        }
    }

    /// The most values a settings or roster file may hold once read: far more than any real
    /// trust's file, far fewer than a file of nested aliases expands to.
    public static let nodeBudget = 200_000
    /// The largest YAML file read, in bytes.
    public static let maxBytes = 1 << 20

    /// Reads a file the product was given as UTF-8 text (bytes that are not UTF-8 are refused, not replaced).
    public static func text(_ data: Data, what: String) throws(InputError) -> String {
        guard data.count <= maxBytes else { throw InputError(field: what, problem: "is over 1 MiB; a trust's settings are a few kilobytes") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(field: what, problem: "is not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    /// The YAML as a document tree, keeping the order of keys. Aliases and anchors (`*name`,
    /// `&name`) are refused, and so is a document over `nodeBudget` values, in milliseconds.
    public static func document(_ yaml: String) throws(InputError) -> JSONValue {
        guard yaml.utf8.count <= maxBytes else { throw InputError(field: "config", problem: "is over 1 MiB; a trust's settings are a few kilobytes") }
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch {
            throw InputError(field: "config", problem: "is not valid YAML (\(error)); fix the indentation or quoting on that line")
        }
        guard let node else { throw InputError(field: "config", problem: "is empty") }
        var budget = nodeBudget
        return try value(node, &budget, depth: 0)
    }

    static func value(_ node: Node, _ budget: inout Int, depth: Int) throws(InputError) -> JSONValue {
        budget -= 1
        guard budget >= 0, depth < 64 else {
            throw InputError(
                field: "config",
                problem: "holds more values than any trust's settings (anchors and aliases such as &a and *a are not accepted); write each value out")
        }
        switch node {
        case .scalar(let s): return scalar(s)
        case .sequence(let seq):
            var out: [JSONValue] = []
            for n in seq { out.append(try value(n, &budget, depth: depth + 1)) }
            return .array(out)
        case .mapping(let map):
            var out: [(String, JSONValue)] = []
            for (k, v) in map { out.append((k.string ?? "", try value(v, &budget, depth: depth + 1))) }
            return .orderedObject(out)
        case .alias:
            throw InputError(field: "config", problem: "uses an alias (*name); anchors and aliases are not accepted, write each value out")
        }
    }

    static func scalar(_ s: Node.Scalar) -> JSONValue {
        if s.style == .plain {
            if let b = Bool.construct(from: s) { return .bool(b) }
            if let i = Int.construct(from: s) { return .number(Double(i)) }
            if let d = Double.construct(from: s) { return .number(d) }
            if s.string == "~" || s.string == "null" || s.string.isEmpty { return .null }
        }
        return .string(s.string)
    }
}
