import CaseloadCore
import GRDB

/// A row of `closure`: days a school (or, with no school, the whole trust) is closed.
struct ClosureRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "closure"
    var id: Int64?
    var schoolUrn: String?
    var fromDate: CalendarDate
    var toDate: CalendarDate
    var reason: String
    var createdAt: String
    var createdBy: String

    enum Columns: String, ColumnExpression {
        case id, reason
        case schoolUrn = "school_urn"
        case fromDate = "from_date"
        case toDate = "to_date"
        case createdAt = "created_at"
        case createdBy = "created_by"
    }

    init(_ c: Closure, stamp: Stamp) {
        schoolUrn = c.school
        fromDate = c.from
        toDate = c.to
        reason = c.reason
        createdAt = stamp.iso
        createdBy = stamp.actor
    }

    init(row: Row) throws {
        let r = StoredRow(row, table: "closure")
        id = try r(Columns.id)
        schoolUrn = try r(Columns.schoolUrn)
        fromDate = try r(Columns.fromDate)
        toDate = try r(Columns.toDate)
        reason = try r(Columns.reason)
        createdAt = try r(Columns.createdAt)
        createdBy = try r(Columns.createdBy)
    }

    var closure: Closure { Closure(from: fromDate, to: toDate, reason: reason, school: schoolUrn, id: id) }
}

/// Bookings in stored timetables that fall on a newly closed day: their week needs re-planning.
public struct ClosedBookings: Sendable, Equatable {
    public var week: CalendarDate
    public var bookings: Int

    /// `bookings` sessions in the week of `week` fall on closed days.
    public init(week: CalendarDate, bookings: Int) {
        self.week = week
        self.bookings = bookings
    }
}

/// What storing closures did: the closures as stored (with their ids), and the weeks to re-plan.
public struct AddedClosures: Sendable {
    public var saved: [Closure]
    public var replan: [ClosedBookings]
}

extension CalendarStore {
    /// Stores closures (a school's INSET days, or imported trust-wide holidays), all or none.
    /// Returns them as stored, and the weeks whose stored bookings fall on the closed days, so the
    /// leader can re-plan them.
    @discardableResult
    public func addClosures(_ closures: [Closure], stamp: Stamp) throws -> AddedClosures {
        for (i, c) in closures.enumerated() {
            if let problem = Closure.problem(c) { throw StoreError.invalid("closure \(i + 1) (\(c.from)): \(problem); nothing was saved") }
        }
        return try write { db in
            try CalendarStore.refuseTooMany(db, closures)
            var saved: [Closure] = []
            for c in closures {
                if let urn = c.school, try !SchoolRow.exists(db, key: urn) {
                    throw StoreError.notFound("no school with URN \(urn); import it first (nothing was saved)")
                }
                try ClosureRow(c, stamp: stamp).insert(db)
                var stored = c
                stored.id = db.lastInsertedRowID
                saved.append(stored)
                try db.audit(
                    stamp, "close", "closure", "\(db.lastInsertedRowID)",
                    ["school": c.school ?? "whole trust", "from": c.from.description, "to": c.to.description, "reason": c.reason])
            }
            return AddedClosures(saved: saved, replan: try CalendarStore.bookingsOn(db, closures))
        }
    }

    /// Stored closures: every one, or those of one school (with the trust-wide ones when `withTrust`).
    public func closures(school: String? = nil, withTrust: Bool = true) throws -> [Closure] {
        try read { db in
            var request = ClosureRow.order(ClosureRow.Columns.fromDate, ClosureRow.Columns.id)
            if let school {
                let own = ClosureRow.Columns.schoolUrn == school
                request = request.filter(withTrust ? own || ClosureRow.Columns.schoolUrn == nil : own)
            }
            return try request.fetchAll(db).map(\.closure)
        }
    }

    /// Removes a stored closure (of `school`, when given: a SENCO removes only their own).
    public func removeClosure(id: Int64, school: String?, stamp: Stamp) throws {
        try write { db in
            guard let row = try ClosureRow.fetchOne(db, key: id), school == nil || row.schoolUrn == school else {
                throw StoreError.notFound("no closure \(id)\(school.map { " at school \($0)" } ?? "")", next: .listClosures(school: school))
            }
            _ = try row.delete(db)
            try db.audit(
                stamp, "reopen", "closure", "\(id)",
                ["school": row.schoolUrn ?? "whole trust", "from": row.fromDate.description, "to": row.toDate.description, "reason": row.reason])
        }
    }

    /// `config` with the stored closures added to its calendar: the calendar every rule uses.
    public func withClosures(_ config: TrustConfig) throws -> TrustConfig {
        var config = config
        let known = Set(config.calendar.closures.compactMap(\.id))
        config.calendar.closures += try closures().filter { !known.contains($0.id ?? -1) }
        return config
    }

    /// Most closures kept for one school, and for the whole trust: far more than any school year
    /// holds, few enough that checking a day stays quick.
    public static let closureLimit = (perSchool: 400, trustWide: 1_000)

    static func refuseTooMany(_ db: Database, _ closures: [Closure]) throws {
        for (school, adding) in Dictionary(grouping: closures, by: \.school) {
            let stored = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM closure WHERE school_urn IS ?", arguments: [school]) ?? 0
            let limit = school == nil ? closureLimit.trustWide : closureLimit.perSchool
            guard stored + adding.count <= limit else {
                throw StoreError.invalid(
                    "\(school.map { "school \($0)" } ?? "the trust") would have \(stored + adding.count) closures, over the \(limit) kept (nothing was saved)",
                    next: .removeOldClosures(school: school))
            }
        }
    }

    static func bookingsOn(_ db: Database, _ closures: [Closure]) throws -> [ClosedBookings] {
        var weeks: [CalendarDate: Int] = [:]
        guard let first = closures.map(\.from).min(), let last = closures.map(\.to).max() else { return [] }
        let rows = try Row.fetchAll(
            db, sql: "SELECT week_start, day, school_urn FROM booking WHERE week_start BETWEEN ? AND ?",
            arguments: [first.adding(days: -6).description, last.description])
        for row in rows {
            let r = StoredRow(row, table: "booking", key: "week_start")
            let week: CalendarDate = try r(BookedSlot.Columns.weekStart)
            let day: Weekday = try r(BookedSlot.Columns.day)
            let date = week.adding(days: day.index)
            let school: String = try r(BookedSlot.Columns.schoolUrn)
            if closures.contains(where: { $0.covers(date) && ($0.school == nil || $0.school == school) }) { weeks[week, default: 0] += 1 }
        }
        return weeks.keys.sorted().map { ClosedBookings(week: $0, bookings: weeks[$0]!) }
    }
}
