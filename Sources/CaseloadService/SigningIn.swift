import CaseloadCore
import CaseloadStore

/// Why a verified account may not come in, said so the person knows whom to ask.
public enum SignInRefused: Error, Equatable, CustomStringConvertible, Sendable {
    /// The address is outside the domains the trust allows.
    case domain(String)
    /// No person Caseload knows has this account or address.
    case unknown(String)
    /// The person is switched off.
    case switchedOff(String)

    public var description: String {
        switch self {
        case .domain(let email):
            "\(email) is not an address this trust signs in with. Sign in with your school or trust account."
        case .unknown(let email):
            "Caseload does not know \(email) yet. Ask a trust leader to add you, with this address, on the People page."
        case .switchedOff(let name):
            "\(name)'s access to Caseload is switched off. Ask a trust leader if you should have it back."
        }
    }
}

/// Signing a person in with the trust's sign-in provider: the account the provider verified
/// becomes one of the trust's people, or is refused with whom to ask.
public struct SigningIn: Sendable {
    let db: AppDatabase

    /// The use case over `db`.
    public init(db: AppDatabase) { self.db = db }

    /// The identity of the person `account` is, come in by `via` ("sign-in with Microsoft").
    /// `allowedDomains` (lower case, empty for any) limits the addresses the trust accepts.
    public func identity(_ account: SignInAccount, allowedDomains: [String], via: String, stamp: Stamp) throws -> Identity {
        let email = account.email?.lowercased() ?? "this account"
        if !allowedDomains.isEmpty {
            let domain = email.split(separator: "@").last.map(String.init) ?? ""
            guard allowedDomains.contains(domain) else { throw SignInRefused.domain(email) }
        }
        guard let person = try db.people.match(account, stamp: stamp) else { throw SignInRefused.unknown(email) }
        guard let identity = person.identity(via: via) else { throw SignInRefused.switchedOff(person.name) }
        return identity
    }
}
