import CaseloadStore
import Crypto
import Foundation
import JWTKit
import Testing
import _CryptoExtras

@testable import CaseloadServer

/// An ID token is accepted only when signed by a key the provider publishes, from the issuer,
/// for Caseload, not expired, and carrying this sign-in's nonce: every other token is refused.
@Suite struct IDTokenCheckTests {
    static let issuer = "https://login.example/tenant/v2.0"
    let check = IDTokenCheck(issuer: IDTokenCheckTests.issuer, clientId: "caseload", emailVerifiedByDirectory: false)

    struct Claims: JWTPayload {
        var iss = IDTokenCheckTests.issuer, sub = "subject-1", aud = "caseload", nonce = "n-1", email = "jane@havant.example"
        var exp = Date().addingTimeInterval(300), iat = Date()
        var emailVerified = true

        enum CodingKeys: String, CodingKey {
            case iss, sub, aud, nonce, email, exp, iat
            case emailVerified = "email_verified"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(iss, forKey: .iss)
            try c.encode(sub, forKey: .sub)
            try c.encode(aud, forKey: .aud)
            try c.encode(nonce, forKey: .nonce)
            try c.encode(email, forKey: .email)
            try c.encode(Int(exp.timeIntervalSince1970), forKey: .exp)
            try c.encode(Int(iat.timeIntervalSince1970), forKey: .iat)
            try c.encode(emailVerified, forKey: .emailVerified)
        }

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// A signing key as a provider holds it, and the JWKS it publishes.
    struct Provider {
        let signing: JWTKeyCollection
        let jwks: String

        init(kid: String = "k1") async throws {
            let key = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
            signing = await JWTKeyCollection().add(rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: kid))
            let (n, e) = try key.publicKey.getKeyPrimitives()
            let b64 = { (d: Data) in
                d.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
                    of: "=", with: "")
            }
            jwks = #"{"keys":[{"kty":"RSA","alg":"RS256","use":"sig","kid":"\#(kid)","n":"\#(b64(n))","e":"\#(b64(e))"}]}"#
        }

        func sign(_ claims: Claims) async throws -> String { try await signing.sign(claims, kid: "k1") }

        func published() async throws -> JWTKeyCollection { try await JWTKeyCollection().add(jwksJSON: jwks) }
    }

    @Test func aGoodTokenNamesTheAccount() async throws {
        let provider = try await Provider()
        let (account, _) = try await check.account(try await provider.sign(Claims()), keys: try await provider.published(), nonce: "n-1")
        #expect(account == SignInAccount(issuer: Self.issuer, subject: "subject-1", email: "jane@havant.example", emailVerified: true))
    }

    @Test func everyOtherTokenIsRefused() async throws {
        let provider = try await Provider()
        let keys = try await provider.published()
        let impostor = try await Provider()  // the same kid, another key
        var refused: [String: String] = [:]
        refused["wrong key"] = try await impostor.sign(Claims())
        var c = Claims()
        c.iss = "https://elsewhere.example"
        refused["other issuer"] = try await provider.sign(c)
        c = Claims()
        c.aud = "another-client"
        refused["other audience"] = try await provider.sign(c)
        c = Claims()
        c.exp = Date().addingTimeInterval(-60)
        refused["expired"] = try await provider.sign(c)
        c = Claims()
        c.nonce = "an-earlier-sign-in"
        refused["replayed nonce"] = try await provider.sign(c)
        let good = try await provider.sign(Claims())
        let parts = good.split(separator: ".")
        refused["alg none"] = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + parts[1] + "."
        refused["alg HS256 with the public key"] = try await hmacWithPublicKey(provider, payload: String(parts[1]))
        for (what, token) in refused {
            await #expect(throws: IDTokenRejected.self, "\(what)") { _ = try await check.account(token, keys: keys, nonce: "n-1") }
        }
    }

    @Test func anUnverifiedEmailIsNotTrustedUnlessTheDirectoryIsTheTrusts() async throws {
        let provider = try await Provider()
        var c = Claims()
        c.emailVerified = false
        let token = try await provider.sign(c)
        #expect(try await check.account(token, keys: try await provider.published(), nonce: "n-1").0.emailVerified == false)
        let ownTenant = IDTokenCheck(issuer: Self.issuer, clientId: "caseload", emailVerifiedByDirectory: true)
        #expect(
            try await ownTenant.account(token, keys: try await provider.published(), nonce: "n-1").0.emailVerified == false,
            "a false claim stays false")
    }

    /// The classic confusion attack: HS256 keyed with the published RSA key's text.
    func hmacWithPublicKey(_ provider: Provider, payload: String) async throws -> String {
        let header = Data(#"{"alg":"HS256","typ":"JWT","kid":"k1"}"#.utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let input = header + "." + payload
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: Data(provider.jwks.utf8)))
        let sig = Data(mac).base64EncodedString().replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
        return input + "." + sig
    }
}
