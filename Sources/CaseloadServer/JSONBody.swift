import CaseloadCore
import Foundation
import Hummingbird

/// A request's JSON object body, read within the size limit (413 over it, 400 when malformed).
struct JSONBody {
    private(set) var pairs: [(String, JSONValue)]

    var value: JSONValue { .orderedObject(pairs) }

    static func object(_ request: Request, _ context: AppContext) async throws -> JSONBody {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let value: JSONValue
        do { value = try JSONValue.parse(Data(buffer: buffer), what: "body") } catch { throw Problem(.badRequest, error.description) }
        switch value {
        case .object(let o): return JSONBody(pairs: o.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        case .orderedObject(let p): return JSONBody(pairs: p)
        default: throw Problem(.badRequest, "the body must be a JSON object")
        }
    }

    func string(_ key: String) -> String? {
        if case .string(let s)? = pairs.first(where: { $0.0 == key })?.1 { return s }
        return nil
    }

    mutating func remove(_ key: String) { pairs.removeAll { $0.0 == key } }

    mutating func set(_ key: String, _ value: JSONValue) {
        pairs.removeAll { $0.0 == key }
        pairs.append((key, value))
    }
}
