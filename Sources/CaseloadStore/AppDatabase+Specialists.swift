import CaseloadCore
import GRDB

extension AppDatabase {
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
            try SpecialistRow.order(Column("id")).fetchAll(db).map { RosterEntry(specialist: $0.specialist, baseSchool: $0.baseSchool) }
        }
    }

    /// Records whole days of leave for a specialist.
    public func addLeave(specialist id: String, from: CalendarDate, to: CalendarDate, reason: String, stamp: Stamp) throws {
        guard from <= to else { throw StoreError.invalid("leave from \(from) to \(to): the first day must not be after the last") }
        try write { db in
            guard try SpecialistRow.exists(db, key: id) else {
                throw StoreError.notFound("no specialist \(id)", next: .listSpecialists)
            }
            try LeaveRow(id: nil, specialistId: id, firstDay: from, lastDay: to, reason: reason).insert(db)
            try db.audit(stamp, "leave", "specialist", id, ["from": from.description, "to": to.description, "reason": reason])
        }
    }

    /// Leave overlapping `from...to`.
    public func leave(from: CalendarDate, to: CalendarDate) throws -> [Leave] {
        try read { db in try AppDatabase.leave(db, from: from, to: to) }
    }

    static func leave(_ db: Database, from: CalendarDate, to: CalendarDate) throws -> [Leave] {
        try LeaveRow.filter(LeaveRow.Columns.firstDay <= to && LeaveRow.Columns.lastDay >= from).fetchAll(db).map(\.leave)
    }
}
