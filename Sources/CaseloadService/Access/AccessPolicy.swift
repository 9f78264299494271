import CaseloadCore

/// What a caller may ask to do.
public enum Action: String, CaseIterable, Sendable {
    case submitReferral, readReferrals, changeReferral
    case readWaitingList, readTimetable, readDraftTimetable
    case recordOutcomes, manageClosures, reportAbsence, manageCalendarFeed
    case planWeek, projectWaitingList, simulate, readSettings, changeSettings, readAuditLog, managePupilData
    /// Book a referral in a given week, or give it first claim (a leader's override).
    case overrideReferral
    /// Read the server's metrics (`/metrics`): leaders and monitoring keys.
    case readMetrics
    /// Add, change and switch off the trust's people, and hand out their access keys.
    case managePeople
}

/// Whose things an action touches: the whole trust, one school's, or one specialist's.
public enum Scope: Hashable, Sendable {
    case trust
    case school(String)
    case specialist(String)

    /// The school it confines a listing to, if any.
    public var school: String? {
        if case .school(let urn) = self { return urn }
        return nil
    }
}

/// Why a caller may not do something: forbidden outright (403), or another school's or
/// specialist's things, answered exactly as if they did not exist (404).
public enum AccessDenied: Error, Equatable, CustomStringConvertible, Sendable {
    case forbidden(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .forbidden(let m), .notFound(let m): m
        }
    }
}

/// The one place that decides who may do what (role × action × own or another's), asked by every
/// use case the API (and the web pages to come) offer. A trust leader may do everything; a SENCO
/// works with their own school's referrals, list places, visits and closures; a specialist reads
/// their own week and records their own sessions.
public enum AccessPolicy {
    /// Allows `caller` to do `action` to the things of `scope`, or says why not. A caller with
    /// several roles (a SENCO of two schools, a leader who is also a specialist) may do what any
    /// one of them may; refused by all, the answer is a 404 if any role would hide the thing.
    public static func check(_ caller: Identity, _ action: Action, _ scope: Scope) throws(AccessDenied) {
        var denials: [AccessDenied] = []
        for role in caller.roles {
            do { try check(role, action, scope) } catch { denials.append(error) }
        }
        guard denials.count == caller.roles.count, let first = denials.first else { return }
        throw denials.first { if case .notFound = $0 { true } else { false } } ?? first
    }

    static func check(_ role: Role, _ action: Action, _ scope: Scope) throws(AccessDenied) {
        switch role {
        case .leader: return
        case .senco(let own): try senco(own, action, scope)
        case .specialist(let own): try specialist(own, action, scope)
        case .monitor: if action != .readMetrics { throw .forbidden("a monitoring key reads the metrics only") }
        }
    }

    /// Whether `check` would allow it.
    public static func allows(_ caller: Identity, _ action: Action, _ scope: Scope) -> Bool { denial(caller, action, scope) == nil }

    /// Why `check` would refuse it, or `nil` when it is allowed.
    public static func denial(_ caller: Identity, _ action: Action, _ scope: Scope) -> AccessDenied? {
        do { try check(caller, action, scope) } catch { return error }
        return nil
    }

    /// The scope of a listing or reading: a leader gets what was asked (the trust when nothing
    /// was); a SENCO is confined to a school of theirs (the first, unless they name another of
    /// theirs) and a specialist to their own week, and asking for another's is a 404.
    public static func scope(_ caller: Identity, _ action: Action, school: String?, specialist: String? = nil) throws(AccessDenied) -> Scope {
        if caller.isLeader { return school.map(Scope.school) ?? specialist.map(Scope.specialist) ?? .trust }
        let asked: Scope
        if let school, caller.school != nil {
            asked = .school(school)
        } else if let specialist, caller.specialist != nil {
            asked = .specialist(specialist)
        } else if let own = caller.school, schoolActions.contains(action) || caller.specialist == nil {
            asked = .school(own)
        } else if let own = caller.specialist {
            asked = .specialist(own)
        } else {
            asked = .trust
        }
        try check(caller, action, asked)
        return asked
    }

    static let schoolActions: Set<Action> = [.submitReferral, .readReferrals, .changeReferral, .readWaitingList, .readTimetable, .manageClosures]

    static func senco(_ own: String, _ action: Action, _ scope: Scope) throws(AccessDenied) {
        guard schoolActions.contains(action) else {
            if action == .recordOutcomes { throw .forbidden("specialists and leaders record sessions; a SENCO reads the school's visits") }
            if action == .reportAbsence || action == .manageCalendarFeed { throw .forbidden("a specialist or a trust leader does this") }
            throw .forbidden(leaderOnly(action))
        }
        guard case .school(let urn) = scope else { throw .forbidden("a SENCO works with their own school (\(own)) only") }
        guard urn == own else { throw .notFound("no school \(urn.prefix(20)) for this token") }
    }

    static func specialist(_ own: String, _ action: Action, _ scope: Scope) throws(AccessDenied) {
        switch action {
        case .readTimetable, .recordOutcomes, .reportAbsence, .manageCalendarFeed:
            guard case .specialist(let id) = scope else { throw .forbidden("a specialist works with their own week (\(own)) only") }
            guard id == own else {
                throw .notFound(action == .recordOutcomes ? "no session of yours" : "no timetable of \(id.prefix(40)) for you")
            }
        case .submitReferral, .readReferrals, .changeReferral, .readWaitingList:
            throw .forbidden("specialists read timetables, not referrals")
        case .manageClosures: throw .forbidden("a school's SENCO or a trust leader records its closures")
        default: throw .forbidden(leaderOnly(action))
        }
    }

    static func leaderOnly(_ action: Action) -> String {
        switch action {
        case .planWeek, .readDraftTimetable: "only a trust leader generates and publishes timetables"
        case .projectWaitingList: "only a trust leader projects the waiting list"
        case .simulate: "only a trust leader runs what-if simulations"
        case .readAuditLog: "only a trust leader reads the audit log"
        case .managePupilData: "only a trust leader exports or erases a pupil's data, or applies the retention rule"
        case .readSettings, .changeSettings: "only a trust leader reads and changes the trust's settings"
        case .readMetrics: "only a trust leader or a monitoring key reads the metrics"
        case .managePeople: "only a trust leader adds, changes or switches off people"
        case .overrideReferral: "only a trust leader books a referral in a given week or gives it first claim"
        default: "only a trust leader may do this"
        }
    }
}
