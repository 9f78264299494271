import CaseloadCore
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

    /// The posted form without the token check (signing in, when there is no session yet). A
    /// body that is not well-formed form encoding is refused (never trusted to Foundation's
    /// `URLComponents` setter, which stops the process on invalid percent-encoding).
    static func parse(_ request: Request, _ context: AppContext) async throws -> WebForm {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return try WebForm(encoded: String(buffer: buffer))
    }

    /// Reads `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte of UTF-8.
    init(encoded text: String) throws {
        fields = try text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) throws -> String in
                guard let text = part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw InputError(field: "form", problem: "the form was not sent as a browser sends it; reload the page and try again")
                }
                return text
            }
            return (try decode(parts[0]), try decode(parts.count > 1 ? parts[1] : ""))
        }
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
