import CaseloadCore
import Foundation

/// A referral as the API and the CLI's JSON show it: everything submitted, the decision, and its
/// place on the waiting list while it waits. Keys are snake_case by their coding keys, so an
/// encoder needs no key conversion (which costs more than the rest of an answer).
public struct ReferralDTO: Codable, Sendable {
    public var id: Int64, school: String, pupilRef: String, yearGroup: Int, service: String, pathway: String, area: String
    public var severity: Int, flags: [String], apdrCycles: Int, consent: Bool, preferredDays: [String], daysOnly: Bool
    public var skill: String?, reason: String
    public var receivedOn: String, status: String, score: Int, band: String, decision: String, declineReasons: [String]
    public var waiting: WaitingDTO?

    enum CodingKeys: String, CodingKey {
        case id, school
        case pupilRef = "pupil_ref"
        case yearGroup = "year_group"
        case service, pathway, area, severity, flags
        case apdrCycles = "apdr_cycles"
        case consent
        case preferredDays = "preferred_days"
        case daysOnly = "days_only"
        case skill, reason
        case receivedOn = "received_on"
        case status, score, band, decision
        case declineReasons = "decline_reasons"
        case waiting
    }

    /// The referral with its waiting-list entry, if it waits.
    public init(_ r: Referral, waiting entry: WaitingEntry?) {
        let q = r.request
        id = r.id
        school = q.school
        pupilRef = q.pupilRef
        yearGroup = q.yearGroup
        service = q.service
        pathway = r.pathway
        area = q.area.rawValue
        severity = q.severity
        apdrCycles = q.apdrCycles
        consent = q.consent
        flags = q.flags.names
        preferredDays = q.preferredDays.map(\.rawValue)
        daysOnly = q.daysOnly
        skill = q.skill
        reason = q.reason
        receivedOn = q.receivedOn.description
        status = r.status.rawValue
        score = r.score
        band = r.band
        decision = r.status == .declined ? "declined" : "accepted"
        declineReasons = r.declineReasons
        waiting = entry.map(WaitingDTO.init)
    }
}

/// A place on the waiting list: the band of its current priority and what that priority is made of.
public struct WaitingDTO: Codable, Sendable {
    public var referral: Int64, school: String, pupilRef: String, service: String, band: String, intakeBand: String
    public var position: Int, priority: Int, priorityBreakdown: BreakdownDTO, weeksWaited: Int, targetWeeks: Int?, breached: Bool
    public var statutoryDeadline: String?, estimatedFirstWeek: String?
    /// `projection` (the planner rolled forward) or `fill_rate`.
    public var estimateSource: String
    public var deadlineWarning: String?
    /// The day its first session should be by (its band's target wait), and whether the likely
    /// first week is later than that (or than the statutory deadline).
    public var targetDate: String?
    public var willMissTarget: Bool

    enum CodingKeys: String, CodingKey {
        case referral, school
        case targetDate = "target_date"
        case willMissTarget = "will_miss_target"
        case pupilRef = "pupil_ref"
        case service, band
        case intakeBand = "intake_band"
        case position, priority
        case priorityBreakdown = "priority_breakdown"
        case weeksWaited = "weeks_waited"
        case targetWeeks = "target_weeks"
        case breached
        case statutoryDeadline = "statutory_deadline"
        case estimatedFirstWeek = "estimated_first_week"
        case estimateSource = "estimate_source"
        case deadlineWarning = "deadline_warning"
    }

    /// The entry as shown.
    public init(_ e: WaitingEntry) {
        referral = e.referral.id
        school = e.referral.request.school
        pupilRef = e.referral.request.pupilRef
        service = e.referral.request.service
        band = e.band
        intakeBand = e.referral.band
        position = e.position
        priority = e.priority
        priorityBreakdown = BreakdownDTO(e.breakdown)
        weeksWaited = e.weeksWaited
        targetWeeks = e.targetWeeks
        breached = e.breached
        statutoryDeadline = e.statutoryDeadline?.description
        estimatedFirstWeek = e.estimatedFirstWeek?.description
        estimateSource = e.estimateSource
        deadlineWarning = e.deadlineWarning
        targetDate = e.targetDate?.description
        willMissTarget = e.willMissTarget
    }
}

/// The parts of a priority, rounded to one decimal place.
public struct BreakdownDTO: Codable, Sendable {
    public var score: Double, waiting: Double, deadline: Double, fairShare: Double

    enum CodingKeys: String, CodingKey {
        case score, waiting, deadline
        case fairShare = "fair_share"
    }

    /// The breakdown as shown.
    public init(_ b: PriorityBreakdown) {
        func r(_ x: Double) -> Double { (x * 10).rounded() / 10 }
        score = r(b.score)
        waiting = r(b.waiting)
        deadline = r(b.deadline)
        fairShare = r(b.fairShare)
    }
}

/// A page of a list: the items, how many there are in all, and which page this is.
public struct ListDTO<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var total: Int
    public var page: Int
    public var perPage: Int

    enum CodingKeys: String, CodingKey {
        case items, total, page
        case perPage = "per_page"
    }

    /// Page `page` (from 1) of `perPage` items out of `total`.
    public init(items: [Item], total: Int? = nil, page: Int = 1, perPage: Int? = nil) {
        self.items = items
        self.total = total ?? items.count
        self.page = page
        self.perPage = perPage ?? max(items.count, 1)
    }
}

/// Which page of a list to answer: `page` from 1, `per_page` from 1 to 500 (100 by default).
public struct Paging: Sendable, Equatable {
    public var page: Int, perPage: Int

    /// A page; `nil`s take the defaults.
    public init(page: Int? = nil, perPage: Int? = nil) throws(InputError) {
        let p = page ?? 1
        let n = perPage ?? 100
        guard p >= 1, p <= 1_000_000 else { throw InputError(field: "page", problem: "must be a whole number from 1") }
        guard (1...500).contains(n) else { throw InputError(field: "per_page", problem: "must be a whole number from 1 to 500") }
        self.page = p
        self.perPage = n
    }

    /// Rows to skip.
    public var offset: Int { (page - 1) * perPage }

    /// This page of `all`.
    public func slice<T>(_ all: [T]) -> [T] { Array(all.dropFirst(min(offset, all.count)).prefix(perPage)) }
}

/// A leader's override as the API answers it.
public struct OverrideDTO: Codable, Sendable, Equatable {
    public var referral: Int64
    public var session: Int
    /// The Monday of the week it must be booked in; `nil`: first claim until booked.
    public var week: String?
    public var reason: String

    /// The override's answer.
    public init(_ o: Override) {
        referral = o.referral
        session = o.session
        week = o.week?.description
        reason = o.reason
    }
}
