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
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputError(field: path, problem: "cannot be read; run `caseload init` to write a starter config, or pass --config PATH")
        }
        do { return try parse(text) } catch {
            throw InputError(field: "\(path): \(error.field)", id: error.id, problem: error.problem)
        }
    }

    /// The YAML as a document tree, keeping the order of keys.
    public static func document(_ yaml: String) throws(InputError) -> JSONValue {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch {
            throw InputError(field: "config", problem: "is not valid YAML (\(error)); fix the indentation or quoting on that line")
        }
        guard let node else { throw InputError(field: "config", problem: "is empty") }
        return value(node)
    }

    static func value(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let s): return scalar(s)
        case .sequence(let seq): return .array(seq.map(value))
        case .mapping(let map): return .orderedObject(map.map { ($0.key.string ?? "", value($0.value)) })
        case .alias: return .null
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
