import Foundation
import HTTPTypes
import Hummingbird

/// Whether a request was started by another site: a browser says so in `Sec-Fetch-Site` (which
/// decides when present), and sends `Origin` with every POST (`null` from a page that withholds
/// its address; the sign-in page does not). A sign-in another site starts is refused, so that a
/// page elsewhere cannot sign a browser in as someone else (login forgery). A request with neither
/// header (a script, not a browser) is let through.
enum CrossSite {
    /// Whether `request` comes from another site than this one (`publicAddress`, when the
    /// settings give one, also counts as this site: behind a proxy the Host may differ).
    static func started(_ request: Request, publicAddress: String?) -> Bool {
        if let site = request.headers[.secFetchSite]?.lowercased() { return site != "same-origin" && site != "none" }
        guard let origin = request.headers[.origin] else { return false }
        guard origin != "null", let url = URL(string: origin), let host = url.host else { return true }
        let seen = (host + (url.port.map { ":\($0)" } ?? "")).lowercased()
        if let own = (request.head.authority ?? request.headers[.hostField])?.lowercased(), seen == own { return false }
        if let publicAddress, let url = URL(string: publicAddress), let host = url.host {
            return seen != (host + (url.port.map { ":\($0)" } ?? "")).lowercased()
        }
        return true
    }
}

extension HTTPField.Name {
    /// The Fetch Metadata header saying which site started a request.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
    /// `Host`, when the request's authority did not come from it.
    static let hostField = HTTPField.Name("Host")!
}
