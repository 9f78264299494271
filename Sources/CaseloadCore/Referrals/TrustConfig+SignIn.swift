import Foundation

/// The trust's single sign-on provider (OpenID Connect: Microsoft Entra ID, Google Workspace).
/// The client secret is never in the settings file: it comes from an environment variable or
/// a file the settings name.
public struct SignInProvider: Hashable, Sendable {
    /// What the sign-in button says: "Sign in with Microsoft".
    public var name: String
    /// The provider's issuer; its discovery document is at `issuer/.well-known/openid-configuration`.
    public var issuer: String
    /// The client id the provider gave Caseload.
    public var clientId: String
    /// Where the client secret is: an environment variable (default `CASELOAD_OIDC_CLIENT_SECRET`), or a file.
    public var clientSecretEnv = "CASELOAD_OIDC_CLIENT_SECRET"
    public var clientSecretFile: String?
    /// Caseload's own address as people reach it (`https://caseload.trust.org.uk`); the provider
    /// sends people back to this address's `/signin/callback`.
    public var publicAddress: String
    /// The email domains allowed to sign in (lower case; empty: any the provider vouches for).
    public var allowedDomains: [String] = []
    /// Whether the `email` claim is the trust's own directory's address even without
    /// `email_verified` (Microsoft Entra ID with the trust's own tenant as issuer sends none).
    public var emailVerifiedByDirectory = false

    /// The redirect address to register with the provider.
    public var redirectURI: String { publicAddress + "/signin/callback" }
}

/// How people sign in to the pages (`sign_in`).
public struct SignInRule: Hashable, Sendable {
    /// Whether a pasted access key still signs in to the pages (the fallback a trust can turn off).
    public var accessKeys = true
    /// The single sign-on provider, if the trust has one.
    public var provider: SignInProvider?

    public init() {}
}

extension TrustConfig {
    /// `sign_in`: `access_keys` and the optional `provider`.
    static func readSignIn(_ f: JSONFields) throws(InputError) -> SignInRule {
        try f.onlyKeys(["access_keys", "provider"])
        var rule = SignInRule()
        rule.accessKeys = try f.optionalBool("access_keys") ?? true
        if f.optional("provider") != nil { rule.provider = try readProvider(f.object("provider")) }
        guard rule.accessKeys || rule.provider != nil else {
            throw f.error("access_keys", "with access keys off, name a provider: otherwise no one can sign in")
        }
        return rule
    }

    static func readProvider(_ f: JSONFields) throws(InputError) -> SignInProvider {
        if f.optional("client_secret") != nil {
            throw f.error("client_secret", "never put the secret in this file: set client_secret_env (an environment variable) or client_secret_file")
        }
        try f.onlyKeys([
            "name", "issuer", "client_id", "client_secret_env", "client_secret_file", "public_address", "allowed_domains",
            "email_verified_by_directory",
        ])
        let issuer = try address(f, "issuer")
        let publicAddress = try address(f, "public_address")
        var provider = SignInProvider(
            name: try f.optionalString("name") ?? "your school account", issuer: issuer, clientId: try f.string("client_id"),
            publicAddress: publicAddress)
        provider.clientSecretEnv = try f.optionalString("client_secret_env") ?? provider.clientSecretEnv
        provider.clientSecretFile = try f.optionalString("client_secret_file")
        provider.emailVerifiedByDirectory = try f.optionalBool("email_verified_by_directory") ?? false
        provider.allowedDomains = (try f.strings("allowed_domains") ?? []).map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        return provider
    }

    /// An https address (http only on this machine, for tests), without a trailing slash.
    static func address(_ f: JSONFields, _ key: String) throws(InputError) -> String {
        let text = try f.string(key).trimmingCharacters(in: .whitespaces)
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let host = url.host, url.query == nil, url.fragment == nil,
            url.scheme == "https" || (url.scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(host))
        else { throw f.error(key, "give an https address such as https://login.microsoftonline.com/TENANT-ID/v2.0") }
        return trimmed
    }
}
