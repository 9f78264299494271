import CaseloadCore
import Foundation
import Hummingbird

/// A posted HTML form (`application/x-www-form-urlencoded`), decoded by Hummingbird's
/// `URLEncodedFormDecoder` into the page's own `Decodable` struct (see `PageForms.swift`), after
/// checking that it carries this session's form token. Checkboxes post as `name[]`, a value per
/// row as `name[row]`, as that decoder reads them.
enum WebForm {
    /// The posted form; a form without this session's token (forged, or from an old page) is refused.
    static func read<Form: Decodable>(_ type: Form.Type, _ request: Request, _ context: AppContext) async throws -> Form {
        let text = try await body(request, context)
        let token = try decode(AntiForgery.self, from: text)
        guard !context.csrf.isEmpty, token.csrf == context.csrf else { throw WebRefusal.forgedForm }
        return try decode(type, from: text)
    }

    /// The posted form without the token check (signing in, when there is no session yet).
    static func parse<Form: Decodable>(_ type: Form.Type, _ request: Request, _ context: AppContext) async throws -> Form {
        try decode(type, from: try await body(request, context))
    }

    static func body(_ request: Request, _ context: AppContext) async throws -> String {
        String(buffer: try await request.body.collect(upTo: context.maxUploadSize))
    }

    /// Decodes `text`; a body no browser would send, or a field of the wrong shape, is an
    /// `InputError` naming it.
    static func decode<Form: Decodable>(_ type: Form.Type, from text: String) throws -> Form {
        do { return try URLEncodedFormDecoder().decode(type, from: text) } catch is URLEncodedFormError {
            throw InputError(field: "form", problem: "the form was not sent as a browser sends it; reload the page and try again")
        } catch let error as DecodingError {
            throw InputError(field: error.field, problem: "this field was not sent as the page sends it; reload the page and try again")
        }
    }
}

/// The anti-forgery field every form carries (the `csrf` partial).
struct AntiForgery: Decodable {
    let csrf: String?
}

extension DecodingError {
    /// The form field the error is about.
    var field: String {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        case .keyNotFound(let key, let c): path = c.codingPath + [key]
        @unknown default: path = []
        }
        return path.first?.stringValue ?? "form"
    }
}

extension Optional where Wrapped == String {
    /// The value typed, trimmed; `nil` when absent or blank.
    var given: String? {
        self.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Why a page refuses, said in words a person can act on.
enum WebRefusal: Error, CustomStringConvertible {
    case forgedForm

    var description: String {
        switch self {
        case .forgedForm: "This form was not sent from your signed-in page (or the page is old). Go back, reload the page and try again."
        }
    }
}
