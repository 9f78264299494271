import AsyncHTTPClient
import CaseloadCore
import CaseloadStore
import Foundation
import JWTKit
import NIOCore
import NIOHTTP1

/// The trust's OpenID Connect provider, reached with async-http-client: its discovery document,
/// its published keys (fetched again once when a token names a key not seen, as providers rotate
/// them), and its token endpoint (authorisation code + PKCE verifier, the client secret posted).
actor SignInProviderClient {
    let provider: SignInProvider
    private let secret: String
    private let http: HTTPClient
    private var discovered: Discovery?
    private var keys: JWTKeyCollection?

    /// What Caseload reads of the discovery document.
    struct Discovery: Decodable {
        let issuer: String
        let authorizationEndpoint: String
        let tokenEndpoint: String
        let jwksURI: String

        enum CodingKeys: String, CodingKey {
            case issuer
            case authorizationEndpoint = "authorization_endpoint"
            case tokenEndpoint = "token_endpoint"
            case jwksURI = "jwks_uri"
        }
    }

    /// A client for `provider` with its `secret`, over `http`.
    init(_ provider: SignInProvider, secret: String, http: HTTPClient = .shared) {
        self.provider = provider
        self.secret = secret
        self.http = http
    }

    /// The provider's sign-in address for `attempt` (code flow, PKCE S256, state and nonce).
    func authorizationURL(_ attempt: SignInAttempt, state: String) async throws -> String {
        var url = URLComponents(string: try await discovery().authorizationEndpoint)
        let given = url?.queryItems ?? []
        url?.queryItems =
            given + [
                .init(name: "response_type", value: "code"), .init(name: "client_id", value: provider.clientId),
                .init(name: "redirect_uri", value: provider.redirectURI), .init(name: "scope", value: "openid email profile"),
                .init(name: "state", value: state), .init(name: "nonce", value: attempt.nonce),
                .init(name: "code_challenge", value: attempt.challenge), .init(name: "code_challenge_method", value: "S256"),
            ]
        guard let text = url?.string else { throw SignInUnavailable("the provider's authorization_endpoint is not an address") }
        return text
    }

    /// The account behind `code`: exchanged at the token endpoint, its ID token checked.
    func account(code: String, attempt: SignInAttempt, emailVerifiedByDirectory: Bool) async throws -> (SignInAccount, name: String?) {
        let token = try await idToken(code: code, verifier: attempt.verifier)
        let check = IDTokenCheck(issuer: provider.issuer, clientId: provider.clientId, emailVerifiedByDirectory: emailVerifiedByDirectory)
        do { return try await check.account(token, keys: try await publishedKeys(refresh: false), nonce: attempt.nonce) } catch let error
            as IDTokenRejected
        {
            guard error.description.contains("signature") else { throw error }
            return try await check.account(token, keys: try await publishedKeys(refresh: true), nonce: attempt.nonce)
        }
    }

    func discovery() async throws -> Discovery {
        if let discovered { return discovered }
        let found = try JSONDecoder().decode(Discovery.self, from: try await get(provider.issuer + "/.well-known/openid-configuration"))
        guard found.issuer == provider.issuer else {
            throw SignInUnavailable("the provider says its issuer is \(found.issuer), not \(provider.issuer) as the settings say")
        }
        discovered = found
        return found
    }

    func publishedKeys(refresh: Bool) async throws -> JWTKeyCollection {
        if let keys, !refresh { return keys }
        let json = String(buffer: try await get(try await discovery().jwksURI))
        let fresh = try await JWTKeyCollection().add(jwksJSON: json)
        keys = fresh
        return fresh
    }

    private func idToken(code: String, verifier: String) async throws -> String {
        var request = HTTPClientRequest(url: try await discovery().tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        let form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", provider.redirectURI), ("code_verifier", verifier),
            ("client_id", provider.clientId), ("client_secret", secret),
        ]
        request.body = .bytes(ByteBuffer(string: form.map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&")))
        let response = try await http.execute(request, timeout: .seconds(15))
        let body = try await response.body.collect(upTo: 1 << 20)
        struct Answer: Decodable {
            let idToken: String?
            enum CodingKeys: String, CodingKey { case idToken = "id_token" }
        }
        guard response.status == .ok, let token = try? JSONDecoder().decode(Answer.self, from: body).idToken else {
            throw IDTokenRejected(description: "the provider's token endpoint answered \(response.status.code): \(String(buffer: body).prefix(200))")
        }
        return token
    }

    private func get(_ url: String) async throws -> ByteBuffer {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let response: HTTPClientResponse
        do { response = try await http.execute(request, timeout: .seconds(10)) } catch {
            throw SignInUnavailable("the sign-in provider at \(url) could not be reached (\(error))")
        }
        guard response.status == .ok else { throw SignInUnavailable("the sign-in provider answered \(response.status.code) at \(url)") }
        return try await response.body.collect(upTo: 1 << 20)
    }

    static func formEncoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

/// The sign-in provider cannot be used just now (unreachable, or set up wrongly): the person is
/// told to use another way in or try later; the log says what failed.
struct SignInUnavailable: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
