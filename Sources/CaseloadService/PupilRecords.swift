import CaseloadCore
import CaseloadStore
import Foundation

/// A pupil's data as a trust answers a subject access request (everything held about one pupil
/// reference at one school) and an erasure, and the trust's retention rule applied. Leaders only.
public struct PupilRecords: Sendable {
    public let db: AppDatabase

    /// Records in `db`.
    public init(db: AppDatabase) { self.db = db }

    /// Everything held about one pupil: each referral as submitted and decided (with its place
    /// and current priority while it waits), its history with notes, its series, its sessions,
    /// the sessions re-plans cancelled, every week it was not booked and why, the first week the
    /// projection expects, and the audit entries about it. The plans stored for each week hold
    /// the referral by number only (no reference), so they are not repeated here.
    public struct Export: Codable, Sendable {
        public var school: String, pupilRef: String, exportedAt: String
        public var referrals: [ReferralRecord]

        enum CodingKeys: String, CodingKey {
            case school
            case pupilRef = "pupil_ref"
            case exportedAt = "exported_at"
            case referrals
        }
    }

    /// One referral in an export.
    public struct ReferralRecord: Codable, Sendable {
        public var referral: ReferralDTO
        public var history: [[String: String]]
        public var sessions: [[String: String]]
        public var audit: [[String: String]]
        /// The running series: its specialist, weekday and sessions done; empty before it starts.
        public var series: [String: String]
        /// Published sessions a re-plan moved or dropped.
        public var cancelledSessions: [[String: String]]
        /// Weeks it was not booked, with the planner's reason.
        public var notBooked: [[String: String]]
        /// The first week the latest projection expects it to be seen, if it waits.
        public var projectedFirstWeek: String?

        enum CodingKeys: String, CodingKey {
            case referral, history, sessions, audit, series
            case cancelledSessions = "cancelled_sessions"
            case notBooked = "not_booked"
            case projectedFirstWeek = "projected_first_week"
        }
    }

    /// The export for `pupilRef` at `school`; not found when nothing is held.
    public func export(
        school: String, pupilRef: String, by caller: Identity, config: TrustConfig, today: CalendarDate, at: Date = Date()
    ) throws -> Export {
        try AccessPolicy.check(caller, .managePupilData, .trust)
        let referrals = try db.referrals.all(school: school).filter { $0.request.pupilRef == pupilRef }
        guard !referrals.isEmpty else { throw StoreError.notFound("no data held for that pupil reference at school \(school.prefix(20))") }
        let places = try Dictionary(
            db.referrals.waitingList(config: config, today: today, school: school).filter { $0.referral.request.pupilRef == pupilRef }
                .map { ($0.referral.id, $0) }, uniquingKeysWith: { a, _ in a })
        let projection = try db.referrals.projection(today: today)
        return Export(
            school: school, pupilRef: pupilRef, exportedAt: at.ISO8601Format(),
            referrals: try referrals.map { try record($0, place: places[$0.id], projected: projection?.firstWeek[$0.id]) })
    }

    func record(_ r: Referral, place: WaitingEntry?, projected: CalendarDate?) throws -> ReferralRecord {
        let history = try db.referrals.history(r.id).map { h in
            ["from": h.from?.rawValue ?? "", "to": h.to.rawValue, "at": h.at, "by": h.actor, "note": h.note]
        }
        let sessions = try db.timetables.sessions(of: r.id).map { s in
            [
                "date": s.date.description, "start": s.booking.start.description, "end": s.booking.end.description,
                "specialist": s.booking.specialist, "outcome": s.outcome?.rawValue ?? "", "note": s.note ?? "",
            ]
        }
        let audit = try db.auditLog(entity: "referral", id: "\(r.id)").map { e in
            ["at": e.at, "by": e.actor, "action": e.action, "detail": e.detail]
        }
        let series = try db.timetables.series(r.id).map { s in
            ["specialist": s.specialist, "weekday": s.weekday?.rawValue ?? "", "sessions_done": "\(s.sessionsDone)"]
        }
        let cancelled = try db.pupils.cancelledSessions(of: r.id).map { c in
            [
                "date": c.date.description, "start": c.booking.start.description, "end": c.booking.end.description,
                "specialist": c.booking.specialist, "revision": "\(c.revision)",
            ]
        }
        let notBooked = try db.pupils.unbookedWeeks(of: r.id).map { ["week": $0.week.description, "code": $0.code, "reason": $0.reason] }
        return ReferralRecord(
            referral: ReferralDTO(r, waiting: place), history: history, sessions: sessions, audit: audit, series: series ?? [:],
            cancelledSessions: cancelled, notBooked: notBooked, projectedFirstWeek: projected?.description)
    }

    /// Erases `pupilRef` at `school` (every referral of theirs must be over), with the reason.
    public func erase(school: String, pupilRef: String, reason: String, by caller: Identity, stamp: Stamp) throws -> [Int64] {
        try AccessPolicy.check(caller, .managePupilData, .trust)
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...300).contains(why.count) else {
            throw InputError(field: "reason", problem: "say why the pupil's data is erased (3 to 300 characters), e.g. \"parent's request of 2 Dec\"")
        }
        return try db.pupils.erasePupil(school: school, pupilRef: pupilRef, reason: why, stamp: stamp)
    }

    /// The referrals due under the trust's retention rule as of `today`; with `apply`, their
    /// pupil data is removed (all in one transaction) and the purge recorded by count.
    public func retention(_ rule: RetentionRule, today: CalendarDate, apply: Bool, by caller: Identity, stamp: Stamp) throws -> [RetentionItem] {
        try AccessPolicy.check(caller, .managePupilData, .trust)
        let due = try db.pupils.retentionDue(rule, today: today)
        if apply, !due.isEmpty { _ = try db.pupils.applyRetention(due.map(\.referral), rule: rule, stamp: stamp) }
        return due
    }
}
