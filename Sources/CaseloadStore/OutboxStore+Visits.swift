import CaseloadCore
import Foundation
import GRDB

/// The messages a week's visits produce, written in the transaction that publishes or re-plans
/// the week: each school's SENCOs get that school's visits only, each specialist their own.
extension OutboxStore {
    /// A week published: every SENCO of a school with visits, and every specialist with sessions.
    static func weekPublished(_ db: Database, week: CalendarDate, stamp: Stamp) throws {
        let lines = try visitLines(db, try BookingRow.filter(BookedSlot.Columns.weekStart == week).fetchAll(db), change: nil)
        for (urn, visits) in Dictionary(grouping: lines, by: \.urn) {
            let notice = Notice.weekPublished(school: visits[0].line.school, week: week, visits: visits.map(\.line))
            try enqueue(db, kind: "week_published", notice, to: try holders(db, role: "senco", school: urn), stamp: stamp)
        }
        for (specialist, sessions) in Dictionary(grouping: lines, by: \.line.specialist) {
            let notice = Notice.weekPublished(specialist: specialist, week: week, visits: sessions.map(\.line))
            try enqueue(db, kind: "week_published", notice, to: try holders(db, role: "specialist", specialist: specialist), stamp: stamp)
        }
    }

    /// A published week re-planned: the schools and specialists whose visits were added or
    /// cancelled (a moved visit is both), and no one else.
    static func visitsChanged(_ db: Database, week: CalendarDate, removed: [BookingRow], added: [BookingRow], stamp: Stamp) throws {
        let lines = try visitLines(db, removed, change: .cancelled) + visitLines(db, added, change: .added)
        for (urn, changes) in Dictionary(grouping: lines, by: \.urn) {
            let notice = Notice.visitsChanged(to: changes[0].line.school, forSchool: true, week: week, changes: changes.map(\.line))
            try enqueue(db, kind: "visits_changed", notice, to: try holders(db, role: "senco", school: urn), stamp: stamp)
        }
        for (specialist, changes) in Dictionary(grouping: lines, by: \.line.specialist) {
            let notice = Notice.visitsChanged(to: "Your week", forSchool: false, week: week, changes: changes.map(\.line))
            try enqueue(db, kind: "visits_changed", notice, to: try holders(db, role: "specialist", specialist: specialist), stamp: stamp)
        }
    }

    /// The people holding a role: a school's SENCOs, or the people who are a specialist.
    static func holders(_ db: Database, role: String, school: String? = nil, specialist: String? = nil) throws -> [Int64] {
        try Int64.fetchAll(
            db, sql: "SELECT person_id FROM person_role WHERE role = ? AND (school IS ? OR ? IS NULL) AND (specialist IS ? OR ? IS NULL)",
            arguments: [role, school, school, specialist, specialist])
    }

    private static func visitLines(_ db: Database, _ rows: [BookingRow], change: VisitLine.Change?) throws -> [(urn: String, line: VisitLine)] {
        var names: [String: String] = [:]
        var people: [String: String?] = [:]
        return try rows.map { b in
            let urn = b.slot.schoolUrn
            if names[urn] == nil {
                names[urn] = try String.fetchOne(db, sql: "SELECT name FROM school WHERE urn = ?", arguments: [urn]) ?? "school \(urn)"
            }
            guard let found = try Row.fetchOne(db, sql: "SELECT id, pupil_ref, service FROM referral WHERE id = ?", arguments: [b.referralId]) else {
                throw StoreError.notFound("booking of referral \(b.referralId) names no referral; run caseload check-db")
            }
            let referral = StoredRow(found, table: "referral")
            let who = b.slot.specialistId
            if people[who] == nil { people[who] = .some(try String.fetchOne(db, sql: "SELECT name FROM specialist WHERE id = ?", arguments: [who])) }
            var line = VisitLine(
                date: b.slot.date, start: b.slot.start, end: b.slot.end, school: names[urn]!, specialist: b.slot.specialistId,
                service: try referral(Column("service")), pupilRef: try referral(Column("pupil_ref")), change: change)
            line.specialistName = people[who] ?? nil
            return (urn, line)
        }
    }
}
