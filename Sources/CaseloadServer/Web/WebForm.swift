import Foundation
import Hummingbird

/// A posted HTML form (`application/x-www-form-urlencoded`), read with Foundation's own
/// percent-decoding, after checking that it carries this session's form token.
struct WebForm: Sendable {
    let fields: [(String, String)]

    /// The first value of `name`, trimmed; `nil` when absent or empty.
    func value(_ name: String) -> String? {
        fields.first { $0.0 == name }.map { $0.1.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every value of `name` (checkboxes).
    func values(_ name: String) -> [String] { fields.filter { $0.0 == name }.map(\.1) }

    /// The posted form; a form without this session's token (forged, or from an old page) is refused.
    static func read(_ request: Request, _ context: AppContext) async throws -> WebForm {
        let form = try await parse(request, context)
        guard !context.csrf.isEmpty, form.value("csrf") == context.csrf else { throw WebRefusal.forgedForm }
        return form
    }

    /// The posted form without the token check (signing in, when there is no session yet).
    static func parse(_ request: Request, _ context: AppContext) async throws -> WebForm {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        var components = URLComponents()
        components.percentEncodedQuery = String(buffer: buffer).replacingOccurrences(of: "+", with: "%20")
        return WebForm(fields: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
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
