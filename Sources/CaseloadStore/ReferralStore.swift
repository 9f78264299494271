import CaseloadCore
import Foundation
import GRDB

/// One change in a referral's history.
public struct StatusEntry: Hashable, Sendable {
    public var from: ReferralStatus?
    public var to: ReferralStatus
    public var at: String
    public var actor: String
    public var note: String
}

extension ReferralStore {
    /// Stores a referral with the decision on it (accepted onto the list, or declined with
    /// reasons), and tells the school's SENCOs in the same transaction.
    public func submit(_ request: ReferralRequest, decision: IntakeDecision, stamp: Stamp) throws -> Referral {
        try write { db in
            let referral = try insert(db, request, decision, stamp)
            let school = try String.fetchOne(db, sql: "SELECT name FROM school WHERE urn = ?", arguments: [request.school]) ?? request.school
            let notice = Notice.referralDecided(
                id: referral.id, school: school, pupilRef: request.pupilRef, service: request.service, decision: decision)
            try OutboxStore.enqueue(
                db, kind: "referral_decided", notice, to: try OutboxStore.holders(db, role: "senco", school: request.school), stamp: stamp)
            return referral
        }
    }

    /// Stores many referrals in one transaction: all of them, or none if any is refused.
    public func submit(batch: [(ReferralRequest, IntakeDecision)], stamp: Stamp) throws -> [Referral] {
        try write { db in try batch.map { try insert(db, $0.0, $0.1, stamp) } }
    }

    private func insert(_ db: Database, _ request: ReferralRequest, _ decision: IntakeDecision, _ stamp: Stamp) throws -> Referral {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM school WHERE urn = ?"), arguments: [request.school]) == true else {
            throw StoreError.notFound("school \(request.school) is not in the database", next: .importSchools)
        }
        try requireSkill(db, request)
        if case .accepted = decision, let open = try openReferral(db, request) {
            throw StoreError.conflict(
                "pupil \(request.pupilRef) at school \(request.school) already has an open \(request.service) referral (#\(open)); update that one instead"
            )
        }
        var row = ReferralRow(request, decision: decision)
        let insert = try db.cachedStatement(
            sql:
                "INSERT INTO referral (\(ReferralRow.columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: ReferralRow.columns.count).joined(separator: ", ")))"
        )
        try insert.execute(arguments: StatementArguments(row.values))
        row.id = db.lastInsertedRowID
        try db.recordStatus(row.id!, from: nil, to: row.status, note: "intake", stamp)
        try db.audit(
            stamp, "submit", "referral", "\(row.id!)",
            ["school": row.schoolUrn, "service": row.service, "status": row.status.rawValue, "score": "\(row.score)"])
        return row.referral()
    }

    /// A required skill must be one that a specialist of the service has on the roster.
    private func requireSkill(_ db: Database, _ r: ReferralRequest) throws {
        guard let skill = r.skill else { return }
        let skills = Set(
            try String.fetchAll(db, sql: "SELECT skills FROM specialist WHERE service = ?", arguments: [r.service])
                .flatMap { $0.split(separator: ",").map(String.init) })
        guard skills.contains(skill) else {
            let known = skills.sorted().joined(separator: ", ")
            throw StoreError.invalid(
                "skill: no \(r.service) specialist on the roster has \(skill); \(known.isEmpty ? "leave it out" : "ask for one of \(known), or leave it out")"
            )
        }
    }

    /// Replaces what was submitted for a waiting referral with `request`, judged afresh: it stays
    /// on the list with its new score and band, or leaves it declined with the reasons. Every
    /// changed field is kept in the audit log.
    public func update(_ id: Int64, to request: ReferralRequest, decision: IntakeDecision, note: String, stamp: Stamp) throws -> Referral {
        try write { db in
            guard let old = try ReferralRow.fetchOne(db, key: id) else { throw StoreError.notFound("no referral \(id)") }
            guard old.status == .waiting else {
                throw StoreError.conflict("referral \(id) is \(old.status.rawValue); only a waiting referral can be changed")
            }
            try requireSkill(db, request)
            var row = ReferralRow(request, decision: decision)
            row.id = id
            if row.status != old.status, !StatusChange.correctionMayMove(from: old.status, to: row.status) {
                throw StoreError.conflict("referral \(id) is \(old.status.rawValue) and a correction cannot make it \(row.status.rawValue)")
            }
            try row.update(db)
            let changed = zip(ReferralRow.columns, zip(old.values, row.values)).filter { "\($0.1.0 ?? "")" != "\($0.1.1 ?? "")" }
            var detail = Dictionary(uniqueKeysWithValues: changed.map { ($0.0, "\($0.1.0 ?? "") -> \($0.1.1 ?? "")") })
            detail["note"] = note
            try db.audit(stamp, "update", "referral", "\(id)", detail)
            if row.status != old.status {
                try db.recordStatus(id, from: old.status, to: row.status, note: "re-judged after an update: \(row.declineReasons)", stamp)
            }
            return row.referral()
        }
    }

    private func openReferral(_ db: Database, _ r: ReferralRequest) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id FROM referral WHERE school_urn = ? AND pupil_ref = ? AND service = ?
                    AND status IN ('waiting', 'active', 'on_hold')
                    """), arguments: [r.school, r.pupilRef, r.service])
    }

    /// Moves a referral to `status` (withdraw, hold, reopen, activate, complete), recording the
    /// change and its reason; refuses moves the status does not allow.
    public func changeStatus(_ id: Int64, to status: ReferralStatus, note: String, stamp: Stamp) throws -> Referral {
        try write { db in
            guard var row = try ReferralRow.fetchOne(db, key: id) else { throw StoreError.notFound("no referral \(id)") }
            let from = row.status
            if let refusal = StatusChange.refusal(id: id, from: from, to: status) { throw StoreError.conflict(refusal) }
            if status.isOpen, !from.isOpen, let other = try openReferral(db, row.referral().request), other != id {
                throw StoreError.conflict("pupil \(row.pupilRef) already has another open \(row.service) referral (#\(other)); close that one first")
            }
            row.status = status
            try row.update(db)
            try db.recordStatus(id, from: from, to: status, note: note, stamp)
            try db.audit(stamp, "status", "referral", "\(id)", ["from": from.rawValue, "to": status.rawValue, "note": note])
            return row.referral()
        }
    }

    /// One referral.
    public func find(_ id: Int64) throws -> Referral {
        guard let r = try read({ try ReferralRow.fetchOne($0, key: id) }) else {
            throw StoreError.notFound("no referral \(id)", next: .listReferrals)
        }
        return r.referral()
    }

    /// Referrals, optionally only of one school, service or set of statuses.
    public func all(school: String? = nil, service: String? = nil, statuses: [ReferralStatus]? = nil) throws -> [Referral] {
        try read { db in try filtered(school, service, statuses).fetchAll(db).map { $0.referral() } }
    }

    /// The referrals numbered `ids` (those that exist), in order of number.
    public func all(ids: Set<Int64>) throws -> [Referral] {
        try read { db in try ReferralRow.filter(ids.contains(ReferralRow.Columns.id)).order(ReferralRow.Columns.id).fetchAll(db).map { $0.referral() }
        }
    }

    /// One page of those referrals (`limit` from `offset`, in order of number) and how many there are in all.
    /// `pupil`: only pupil references that start with it (any case); `newestFirst` for the pages.
    public func all(
        school: String?, service: String?, statuses: [ReferralStatus]?, pupil: String? = nil, newestFirst: Bool = false, limit: Int, offset: Int
    ) throws -> (referrals: [Referral], total: Int) {
        try read { db in
            var request = filtered(school, service, statuses)
            if let pupil, !pupil.isEmpty {
                let escaped = pupil.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_")
                request = request.filter(sql: "pupil_ref LIKE ? ESCAPE '\\'", arguments: [escaped + "%"])
            }
            let ordered = newestFirst ? request.order(ReferralRow.Columns.id.desc) : request
            return (try ordered.limit(limit, offset: offset).fetchAll(db).map { $0.referral() }, try request.fetchCount(db))
        }
    }

    private func filtered(_ school: String?, _ service: String?, _ statuses: [ReferralStatus]?) -> QueryInterfaceRequest<ReferralRow> {
        var request = ReferralRow.order(ReferralRow.Columns.id)
        if let school { request = request.filter(ReferralRow.Columns.schoolUrn == school) }
        if let service { request = request.filter(ReferralRow.Columns.service == service) }
        if let statuses { request = request.filter(statuses.contains(ReferralRow.Columns.status)) }
        return request
    }

    /// A referral's status changes, oldest first.
    public func history(_ id: Int64) throws -> [StatusEntry] {
        try read { db in
            try StatusRow.filter(StatusRow.Columns.referralId == id).order(StatusRow.Columns.id).fetchAll(db).map { row in
                StatusEntry(from: row.fromStatus, to: row.toStatus, at: row.at, actor: row.actor, note: row.note)
            }
        }
    }
}

extension Database {
    /// Appends one change to a referral's status history.
    func recordStatus(_ id: Int64, from: ReferralStatus?, to: ReferralStatus, note: String, _ stamp: Stamp) throws {
        try cachedStatement(sql: "INSERT INTO referral_status (referral_id, from_status, to_status, at, actor, note) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [id, from, to, stamp.iso, stamp.actor, note])
    }
}
