/// Who is calling the API, from their token.
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
}

/// An authenticated caller: the token's number and role, recorded in the audit log for every write.
public struct Identity: Hashable, Sendable {
    public var tokenId: Int64
    public var role: Role

    /// An identity from a token.
    public init(tokenId: Int64, role: Role) {
        self.tokenId = tokenId
        self.role = role
    }

    /// How writes by this caller appear in the audit log.
    public var actor: String {
        switch role {
        case .senco(let school): "token:\(tokenId) senco@\(school)"
        case .specialist(let id): "token:\(tokenId) specialist:\(id)"
        case .leader: "token:\(tokenId) leader"
        case .monitor: "token:\(tokenId) monitor"
        }
    }

    /// The school this caller is confined to, if any.
    public var school: String? {
        if case .senco(let s) = role { return s }
        return nil
    }

    public var isLeader: Bool { role == .leader }
}

extension Identity {
    /// Whoever runs the command line on the server: they hold the database file itself, so the
    /// access policy treats them as a trust leader (the audit log records their `--actor`).
    public static let commandLine = Identity(tokenId: 0, role: .leader)
}
