import CaseloadCore
import Foundation
import Synchronization

/// The client for the provider the settings in force name, made once per provider setting
/// (a leader's change of the settings makes a new one), with its secret read from the
/// environment variable or the file the settings name.
final class SignInClients: Sendable {
    private let current = Mutex<SignInProviderClient?>(nil)
    private let environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) { self.environment = environment }

    /// The client for `provider`, or an error saying where the secret should be.
    func client(for provider: SignInProvider) throws -> SignInProviderClient {
        try current.withLock { cached in
            if let cached, cached.provider == provider { return cached }
            let made = SignInProviderClient(provider, secret: try secret(provider))
            cached = made
            return made
        }
    }

    private func secret(_ provider: SignInProvider) throws -> String {
        if let path = provider.clientSecretFile {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw SignInUnavailable("the client secret file \(path) (sign_in.provider.client_secret_file) cannot be read")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let value = environment[provider.clientSecretEnv], !value.isEmpty else {
            throw SignInUnavailable("the client secret is not set: set the environment variable \(provider.clientSecretEnv) for `caseload serve`")
        }
        return value
    }
}
