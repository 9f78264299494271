import CaseloadCore
import GRDB

extension RosterStore {
    /// Each specialist's name and work contact details, by id.
    public func contacts() throws -> [String: SpecialistContact] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try SpecialistRow.fetchAll(db).map { ($0.id, $0.contact) })
        }
    }

    /// Adds or updates specialists, all in one transaction. A base given as a school URN must
    /// name a school already imported.
    @discardableResult
    public func importSpecialists(_ roster: [RosterEntry], stamp: Stamp) throws -> Int {
        try write { db in
            for entry in roster {
                if let urn = entry.baseSchool, try !SchoolRow.exists(db, key: urn) {
                    throw StoreError.invalid("specialist \(entry.specialist.id): base school \(urn) is not in the database; import the schools first")
                }
                let existed = try SpecialistRow.exists(db, key: entry.specialist.id)
                let row = SpecialistRow(entry)
                try row.save(db)
                try db.audit(
                    stamp, existed ? "update" : "create", "specialist", row.id,
                    ["service": row.service, "skills": row.skills, "pattern": row.pattern.text])
            }
            return roster.count
        }
    }

    /// Every specialist, by id.
    public func specialists() throws -> [RosterEntry] {
        try read { db in
            try SpecialistRow.order(Column("id")).fetchAll(db).map {
                RosterEntry(specialist: $0.specialist, baseSchool: $0.baseSchool, contact: $0.contact)
            }
        }
    }
}

extension CalendarStore {
    /// Records leave for a specialist: whole days, or a morning or afternoon of one day.
    public func addLeave(
        specialist id: String, from: CalendarDate, to: CalendarDate, part: DayPart = .whole, reason: String, stamp: Stamp
    ) throws {
        try CalendarStore.check(from, to, part)
        try write { db in
            guard try SpecialistRow.exists(db, key: id) else {
                throw StoreError.notFound("no specialist \(id)", next: .listSpecialists)
            }
            try LeaveRow(id: nil, specialistId: id, firstDay: from, lastDay: to, reason: reason, part: part).insert(db)
            try db.audit(
                stamp, "leave", "specialist", id, ["from": from.description, "to": to.description, "part": part.rawValue, "reason": reason])
        }
    }

    static func check(_ from: CalendarDate, _ to: CalendarDate, _ part: DayPart) throws {
        guard from <= to else { throw StoreError.invalid("leave from \(from) to \(to): the first day must not be after the last") }
        guard part == .whole || from == to else {
            throw StoreError.invalid("a morning or an afternoon away is one day: give the same first and last day, or report whole days")
        }
    }

    /// Leave overlapping `from...to`.
    public func leave(from: CalendarDate, to: CalendarDate) throws -> [Leave] {
        try read { db in try CalendarStore.leave(db, from: from, to: to) }
    }

    static func leave(_ db: Database, from: CalendarDate, to: CalendarDate) throws -> [Leave] {
        try LeaveRow.filter(LeaveRow.Columns.firstDay <= to && LeaveRow.Columns.lastDay >= from).fetchAll(db).map(\.leave)
    }
}

/// A recorded absence with its number, as listed.
public struct AbsenceRecord: Sendable, Equatable {
    public var id: Int64
    public var leave: Leave
    public var reason: String
}

extension CalendarStore {
    /// Recorded absences, of one specialist or everyone, in order of their first day.
    public func absences(specialist: String? = nil) throws -> [AbsenceRecord] {
        try read { db in
            var request = LeaveRow.order(LeaveRow.Columns.firstDay, LeaveRow.Columns.id)
            if let specialist { request = request.filter(LeaveRow.Columns.specialistId == specialist) }
            return try request.fetchAll(db).map { AbsenceRecord(id: $0.id ?? 0, leave: $0.leave, reason: $0.reason) }
        }
    }

    /// Absence `id`, if it is recorded.
    public func absence(_ id: Int64) throws -> AbsenceRecord? {
        try read { db in try LeaveRow.fetchOne(db, key: id).map { AbsenceRecord(id: $0.id ?? id, leave: $0.leave, reason: $0.reason) } }
    }

    /// Corrects absence `id` (its days, part or reason), keeping what it was in the audit log;
    /// returns it before and after, so that the weeks either touches can be re-planned.
    public func correctAbsence(
        _ id: Int64, from: CalendarDate, to: CalendarDate, part: DayPart, reason: String, stamp: Stamp
    ) throws -> (before: Leave, after: Leave) {
        try CalendarStore.check(from, to, part)
        return try write { db in
            guard var row = try LeaveRow.fetchOne(db, key: id) else { throw StoreError.notFound("no absence \(id)", next: .listSpecialists) }
            let before = row.leave
            (row.firstDay, row.lastDay, row.part, row.reason) = (from, to, part, reason)
            try row.update(db)
            try db.audit(
                stamp, "correct_leave", "specialist", row.specialistId,
                [
                    "absence": "\(id)", "was": "\(before.first) to \(before.last) (\(before.part.rawValue))",
                    "now": "\(from) to \(to) (\(part.rawValue))", "reason": reason,
                ])
            return (before, row.leave)
        }
    }

    /// Withdraws absence `id` (recorded by mistake, or cut short), keeping why in the audit log;
    /// returns the days it covered, so that a published week it touched can be re-planned.
    public func withdrawAbsence(_ id: Int64, reason: String, stamp: Stamp) throws -> Leave {
        try write { db in
            guard let row = try LeaveRow.fetchOne(db, key: id) else {
                throw StoreError.notFound("no absence \(id)", next: .listSpecialists)
            }
            _ = try row.delete(db)
            try db.audit(
                stamp, "withdraw_leave", "specialist", row.specialistId,
                ["absence": "\(id)", "from": row.firstDay.description, "to": row.lastDay.description, "reason": reason])
            return row.leave
        }
    }
}
