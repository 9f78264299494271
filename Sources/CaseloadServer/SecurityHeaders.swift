import HTTPTypes
import Hummingbird

/// Security headers on every answer, pages, the API, sign-in, errors and the router's own 404s
/// alike: nothing may frame, sniff, refer or (unless an answer says otherwise) cache it, and pages
/// load nothing from another site.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppContext

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var response: Response
        do { response = try await next(request, context) } catch { response = try Problem.answer(error, request, context) }
        SecurityHeadersMiddleware.apply(&response.headers)
        return response
    }

    /// The headers every answer carries; an answer's own `Cache-Control` (the stylesheet's) stays,
    /// and so does the sign-in page's `Referrer-Policy: same-origin` (below `no-referrer`, a
    /// browser sends `Origin: null` with the page's form, and the cross-site check needs it).
    static func apply(_ headers: inout HTTPFields) {
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("X-Frame-Options")!] = "DENY"
        if headers[.referrerPolicy] != "same-origin" { headers[.referrerPolicy] = "no-referrer" }
        headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
    }
}

extension HTTPField.Name {
    /// `Referrer-Policy`.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
