import CaseloadStore
import Crypto
import Foundation

/// One sign-in through the provider, from the redirect out to the callback: the `state` that
/// names it, the `nonce` the ID token must carry, the PKCE verifier, where to go afterwards, and
/// the hash of a random value kept in this browser's cookie, so that only the browser that
/// started it can finish it. Kept server-side for 10 minutes and used once.
struct SignInAttempt: Codable, Sendable {
    let nonce: String
    let verifier: String
    let next: String
    let browserHash: String

    /// How long a person has to finish signing in at the provider.
    static let lifetime = Duration.seconds(600)
    /// The cookie that ties the attempt to the browser.
    static let cookie = "caseload_signin"

    /// A new attempt; returns it with its state and the browser's value for the cookie.
    static func start(next: String) -> (attempt: SignInAttempt, state: String, browser: String) {
        let browser = random()
        let attempt = SignInAttempt(nonce: random(), verifier: random(), next: next, browserHash: Hashing.sha256Hex(browser))
        return (attempt, random(), browser)
    }

    /// The PKCE challenge for the verifier (S256).
    var challenge: String { Self.base64URL(Data(SHA256.hash(data: Data(verifier.utf8)))) }

    /// 32 random bytes, base64url without padding (43 characters).
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return base64URL(Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Where the attempt is kept (the sessions' table, under the state's own key).
    static func key(_ state: String) -> String { "signin:" + state }
}
