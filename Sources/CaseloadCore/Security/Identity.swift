/// One thing a person or a key may be: a school's SENCO, a specialist, a trust leader, or a
/// monitoring key.
public enum Role: Hashable, Sendable {
    /// A school's SENCO: sees and changes only that school's referrals and visits.
    case senco(school: String)
    /// A specialist: reads their own timetable.
    case specialist(id: String)
    /// A trust leader: reads everything; changes thresholds, capacity and schedules.
    case leader
    /// A monitoring system's key (Prometheus): reads `/metrics` and nothing else.
    case monitor

    /// The role's name as stored and shown.
    public var name: String {
        switch self {
        case .senco: "senco"
        case .specialist: "specialist"
        case .leader: "leader"
        case .monitor: "monitor"
        }
    }

    /// The role from its stored name and its school or specialist, or `nil` when they do not fit.
    public init?(name: String, school: String?, specialist: String?) {
        switch (name, school, specialist) {
        case ("senco", let urn?, _): self = .senco(school: urn)
        case ("specialist", _, let id?): self = .specialist(id: id)
        case ("leader", _, _): self = .leader
        case ("monitor", _, _): self = .monitor
        default: return nil
        }
    }

    /// Leaders first, then SENCOs by school, then specialists: the order a person's roles are shown.
    var rank: String {
        switch self {
        case .leader: "0"
        case .senco(let urn): "1" + urn
        case .specialist(let id): "2" + id
        case .monitor: "3"
        }
    }
}

/// A person Caseload knows, as an identity carries them: their number and name.
public struct PersonName: Hashable, Sendable {
    public var id: Int64
    public var name: String

    /// A person's number and name.
    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}

/// An authenticated caller: the person (if a person, not an integration, is behind it), every role
/// they hold, and how they came in (an access key's number, or a sign-in). Recorded in the audit
/// log for every write.
public struct Identity: Hashable, Sendable {
    /// The access key that acted, if one did (0 for the command line).
    public var tokenId: Int64
    /// Every role held; never empty. The access policy allows what any of them allows.
    public private(set) var roles: [Role]
    /// The person behind it, or `nil` for a key that belongs to a named integration.
    public var person: PersonName?
    /// How they came in, as the audit log says it: "key 3", "sign-in", "integration 'MIS sync', key 5".
    public var via: String

    /// An identity from an access key with one role and no person (an integration's key, or a
    /// key made before people were kept).
    public init(tokenId: Int64, role: Role, via: String? = nil) {
        self.tokenId = tokenId
        roles = [role]
        person = nil
        self.via = via ?? "key \(tokenId)"
    }

    /// A person's identity, with every role they hold, come in by `via` (a key or a sign-in).
    public init(person: PersonName, roles: [Role], tokenId: Int64 = 0, via: String) {
        self.tokenId = tokenId
        self.roles = roles.isEmpty ? [] : Array(Set(roles)).sorted { $0.rank < $1.rank }
        self.person = person
        self.via = via
    }

    /// The first of the roles (leaders first): the role a page greets them in.
    public var role: Role { roles.first ?? .monitor }

    /// How writes by this caller appear in the audit log: the person by name and number, and the
    /// key or sign-in that acted ("Jane Smith (person 4), sign-in with Microsoft"); an
    /// integration by name, its key and role ("integration 'MIS sync', key 5, leader").
    public var actor: String {
        if let person { return "\(person.name) (person \(person.id)), \(via)" }
        return "\(via), \(role.spelled)"
    }

    /// The first school this caller is SENCO of, if any (the school a page opens on).
    public var school: String? { schools.first }

    /// Every school this caller is SENCO of.
    public var schools: [String] {
        roles.compactMap { if case .senco(let urn) = $0 { urn } else { nil } }
    }

    /// The specialist this caller is, if they are one.
    public var specialist: String? {
        roles.lazy.compactMap { if case .specialist(let id) = $0 { id } else { nil } }.first
    }

    /// Whether any of the roles is a trust leader's.
    public var isLeader: Bool { roles.contains(.leader) }

    /// What the rate limit counts against: the person, or the key for an integration.
    public var limitKey: String { person.map { "p\($0.id)" } ?? "k\(tokenId)" }
}

extension Identity {
    /// Whoever runs the command line on the server: they hold the database file itself, so the
    /// access policy treats them as a trust leader (the audit log records their `--actor`).
    public static let commandLine = Identity(tokenId: 0, role: .leader)
}
