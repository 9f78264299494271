import CaseloadStore
import Foundation
import JWTKit

/// The claims Caseload reads from an OpenID Connect ID token.
struct IDTokenClaims: JWTPayload {
    let iss: IssuerClaim
    let sub: SubjectClaim
    let aud: AudienceClaim
    let exp: ExpirationClaim
    let iat: IssuedAtClaim
    let azp: String?
    let nonce: String?
    let email: String?
    let emailVerified: BoolClaim?
    let name: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, azp, nonce, email, name
        case emailVerified = "email_verified"
    }

    /// jwt-kit calls this once the signature holds: the token must not have expired.
    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}

/// Why an ID token was not accepted. Logged for the trust's administrator; the person is told
/// only that the sign-in did not work and to try again.
struct IDTokenRejected: Error, CustomStringConvertible {
    let description: String
}

/// Checks an ID token as OpenID Connect Core (3.1.3.7) says: its signature against the
/// provider's published keys (jwt-kit, which refuses `alg: none` and any key not published),
/// its issuer, its audience (and authorised party when there are several), its expiry and
/// issue time, and the nonce this sign-in sent.
struct IDTokenCheck: Sendable {
    let issuer: String
    let clientId: String
    /// Whether the provider's `email` claim is the trust's own directory's address even
    /// without `email_verified` (Microsoft Entra ID, single tenant).
    let emailVerifiedByDirectory: Bool

    /// The account the token names, once every check holds.
    func account(_ token: String, keys: JWTKeyCollection, nonce: String, now: Date = Date()) async throws -> (SignInAccount, name: String?) {
        let claims: IDTokenClaims
        do { claims = try await keys.verify(token, as: IDTokenClaims.self) } catch {
            throw IDTokenRejected(description: "the ID token's signature or expiry did not verify (\(error))")
        }
        guard claims.iss.value == issuer else { throw IDTokenRejected(description: "the ID token is from \(claims.iss.value), not \(issuer)") }
        guard claims.aud.value.contains(clientId) else { throw IDTokenRejected(description: "the ID token is for another client") }
        if claims.aud.value.count > 1, claims.azp != clientId {
            throw IDTokenRejected(description: "the ID token's authorised party is not Caseload")
        }
        guard claims.iat.value <= now.addingTimeInterval(300) else { throw IDTokenRejected(description: "the ID token was issued in the future") }
        guard let sent = claims.nonce, !nonce.isEmpty, sent == nonce else {
            throw IDTokenRejected(description: "the ID token's nonce is not this sign-in's (a replayed token)")
        }
        let verified = claims.emailVerified?.value ?? emailVerifiedByDirectory
        let account = SignInAccount(issuer: issuer, subject: claims.sub.value, email: claims.email, emailVerified: verified)
        return (account, claims.name)
    }
}
