import CaseloadCore
import CaseloadService
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

    /// The optional `{"note": "…"}` of a status change: an empty body is no note; anything else
    /// must be that object, with a note of at most 500 characters.
    static func note(_ request: Request, _ context: AppContext) async throws -> String {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return "" }
        let value: JSONValue
        do { value = try JSONValue.parse(Data(buffer: buffer), what: "body") } catch { throw Problem(.badRequest, error.description) }
        let f = try JSONFields(value, path: "")
        try f.onlyKeys(["note"])
        return try f.optionalString("note") ?? ""
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

extension Paging {
    /// `?page=&per_page=` of a list request (400 naming the parameter when it is not a number).
    static func from(_ request: Request) throws -> Paging {
        func number(_ key: String) throws -> Int? {
            guard let text = request.uri.queryParameters.get(key) else { return nil }
            guard let n = Int(text) else { throw Problem(.badRequest, "\(key) must be a whole number", field: key) }
            return n
        }
        do { return try Paging(page: try number("page"), perPage: try number("per_page")) } catch let e as InputError {
            throw Problem(.badRequest, e.description, field: e.field)
        }
    }
}
