import CaseloadCore
import CaseloadStore
import Foundation

/// A pupil's data as a trust answers a subject access request (everything held about one pupil
/// reference at one school) and an erasure, and the trust's retention rule applied. Leaders only.
public struct PupilRecords: Sendable {
    public let db: AppDatabase

    /// Records in `db`.
    public init(db: AppDatabase) { self.db = db }

    /// Everything held about one pupil: each referral as submitted and decided, its history
    /// with notes, its sessions, and the audit entries about it.
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
        public var history: [[String: String]], sessions: [[String: String]], audit: [[String: String]]
    }

    /// The export for `pupilRef` at `school`; not found when nothing is held.
    public func export(school: String, pupilRef: String, by caller: Identity, at: Date = Date()) throws -> Export {
        try AccessPolicy.check(caller, .managePupilData, .trust)
        let referrals = try db.referrals(school: school).filter { $0.request.pupilRef == pupilRef }
        guard !referrals.isEmpty else { throw StoreError.notFound("no data held for that pupil reference at school \(school.prefix(20))") }
        return Export(school: school, pupilRef: pupilRef, exportedAt: at.ISO8601Format(), referrals: try referrals.map(record))
    }

    func record(_ r: Referral) throws -> ReferralRecord {
        let history = try db.history(r.id).map { h in
            ["from": h.from?.rawValue ?? "", "to": h.to.rawValue, "at": h.at, "by": h.actor, "note": h.note]
        }
        let sessions = try db.sessions(of: r.id).map { s in
            [
                "date": s.date.description, "start": s.booking.start.description, "end": s.booking.end.description,
                "specialist": s.booking.specialist, "outcome": s.outcome?.rawValue ?? "",
            ]
        }
        let audit = try db.auditLog(entity: "referral", id: "\(r.id)").map { e in
            ["at": e.at, "by": e.actor, "action": e.action, "detail": e.detail]
        }
        return ReferralRecord(referral: ReferralDTO(r, waiting: nil), history: history, sessions: sessions, audit: audit)
    }

    /// Erases `pupilRef` at `school` (every referral of theirs must be over), with the reason.
    public func erase(school: String, pupilRef: String, reason: String, by caller: Identity, stamp: Stamp) throws -> [Int64] {
        try AccessPolicy.check(caller, .managePupilData, .trust)
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (3...300).contains(why.count) else {
            throw InputError(field: "reason", problem: "say why the pupil's data is erased (3 to 300 characters), e.g. \"parent's request of 2 Dec\"")
        }
        return try db.erasePupil(school: school, pupilRef: pupilRef, reason: why, stamp: stamp)
    }

    /// The referrals due under the trust's retention rule as of `today`; with `apply`, their
    /// pupil data is removed (all in one transaction) and the purge recorded by count.
    public func retention(_ rule: RetentionRule, today: CalendarDate, apply: Bool, by caller: Identity, stamp: Stamp) throws -> [RetentionItem] {
        try AccessPolicy.check(caller, .managePupilData, .trust)
        let due = try db.retentionDue(rule, today: today)
        if apply, !due.isEmpty { _ = try db.applyRetention(due.map(\.referral), rule: rule, stamp: stamp) }
        return due
    }
}
