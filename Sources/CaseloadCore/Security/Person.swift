import Foundation

/// How a person takes Caseload's messages.
public enum Delivery: String, Sendable, CaseIterable {
    /// Each message as it is made.
    case atOnce = "at_once"
    /// A day's messages together, at the trust's digest time.
    case dailyDigest = "daily_digest"
}

/// One of the trust's people: a name, a work email address, the roles they hold, and whether
/// they are switched off. No pupil data.
public struct Person: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var email: String
    public var roles: [Role]
    /// When they were switched off (ISO 8601), or `nil` while they may come in.
    public var disabledAt: String?
    /// Whether they have signed in with the trust's sign-in provider (their subject is kept).
    public var hasSignedIn: Bool
    /// How they take messages.
    public var delivery = Delivery.atOnce

    /// A person as stored.
    public init(id: Int64, name: String, email: String, roles: [Role], disabledAt: String? = nil, hasSignedIn: Bool = false) {
        self.id = id
        self.name = name
        self.email = email
        self.roles = roles
        self.disabledAt = disabledAt
        self.hasSignedIn = hasSignedIn
    }

    /// Whether they are switched off.
    public var isDisabled: Bool { disabledAt != nil }

    /// Their identity, come in by `via`, or `nil` when switched off or holding no role.
    public func identity(tokenId: Int64 = 0, via: String) -> Identity? {
        guard !isDisabled, !roles.isEmpty else { return nil }
        return Identity(person: PersonName(id: id, name: name), roles: roles, tokenId: tokenId, via: via)
    }
}

/// What a leader gives for a new person, or a change to one (`nil`: leave as it is).
public struct PersonDetails: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var roles: [Role]?
    public var delivery: Delivery?

    /// Details to add a person with, or to change.
    public init(name: String? = nil, email: String? = nil, roles: [Role]? = nil, delivery: Delivery? = nil) {
        self.name = name
        self.email = email
        self.roles = roles
        self.delivery = delivery
    }

    /// Checks each given field, naming the field and what to write instead.
    public func checked() throws(InputError) -> PersonDetails {
        var out = self
        if let name {
            out.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let n = out.name, (1...120).contains(n.count), !n.contains(where: \.isNewline) else {
                throw InputError(field: "name", problem: "give the person's name, 1 to 120 characters on one line")
            }
        }
        if let email {
            out.email = email.trimmingCharacters(in: .whitespaces).lowercased()
            guard let e = out.email, PersonDetails.looksLikeEmail(e) else {
                throw InputError(field: "email", problem: "give a work email address such as jane.smith@school.org.uk")
            }
        }
        if let roles, roles.isEmpty { throw InputError(field: "roles", problem: "give at least one role: senco:URN, specialist:ID or leader") }
        if roles?.contains(.monitor) == true { throw InputError(field: "roles", problem: "monitor is for a monitoring key, not a person") }
        return out
    }

    /// One `@`, something either side, a dot in the domain, no spaces, at most 254 characters.
    static func looksLikeEmail(_ e: String) -> Bool {
        let parts = e.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, e.count <= 254, !parts[0].isEmpty, parts[1].contains("."), !e.contains(where: \.isWhitespace) else {
            return false
        }
        return !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}

extension Role {
    /// How a role is written on the command line, in a staff CSV and in the API: `senco:URN`,
    /// `specialist:ID`, `leader`.
    public var spelled: String {
        switch self {
        case .senco(let urn): "senco:\(urn)"
        case .specialist(let id): "specialist:\(id)"
        case .leader: "leader"
        case .monitor: "monitor"
        }
    }

    /// A role from its spelling (`senco:URN`, `specialist:ID`, `leader`), or `nil`.
    public init?(spelled text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first?.lowercased(), parts.count) {
        case ("leader", 1): self = .leader
        case ("senco", 2) where !parts[1].isEmpty: self = .senco(school: parts[1])
        case ("specialist", 2) where !parts[1].isEmpty: self = .specialist(id: parts[1])
        default: return nil
        }
    }

    /// Roles from a list such as `senco:136156; leader` (split on `;` or `,`), each checked.
    public static func list(_ text: String, field: String = "roles") throws(InputError) -> [Role] {
        var roles: [Role] = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "," }) where !part.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let role = Role(spelled: String(part)) else {
                throw InputError(field: field, problem: "\"\(part.prefix(40))\" is not a role: write senco:URN, specialist:ID or leader")
            }
            roles.append(role)
        }
        return roles
    }
}
