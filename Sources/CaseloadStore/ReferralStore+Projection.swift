import CaseloadCore
import GRDB

extension ReferralStore {
    /// Replaces the stored projection with `p`.
    public func saveProjection(_ p: Projection, stamp: Stamp) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM projection")
            try db.execute(
                sql: "INSERT OR REPLACE INTO projection_run (id, made_on, weeks) VALUES (1, ?, ?)",
                arguments: [p.madeOn.description, p.weeks.map(\.description).joined(separator: ",")])
            let insert = try db.cachedStatement(sql: "INSERT INTO projection (referral_id, first_week) VALUES (?, ?)")
            for id in p.waiting.sorted() { try insert.execute(arguments: [id, p.firstWeek[id]?.description]) }
            try db.audit(
                stamp, "project", "waitlist", p.madeOn.description,
                ["weeks": "\(p.weeks.count)", "referrals": "\(p.waiting.count)", "seen": "\(p.firstWeek.count)"])
        }
    }

    /// The latest projection, if one was made no more than `maxAgeDays` before `today`.
    public func projection(today: CalendarDate, maxAgeDays: Int = 21) throws -> Projection? {
        try read { db in try ReferralStore.projection(db, today: today, maxAgeDays: maxAgeDays) }
    }

    static func projection(_ db: Database, today: CalendarDate, maxAgeDays: Int) throws -> Projection? {
        guard let found = try Row.fetchOne(db, sql: "SELECT id, made_on, weeks FROM projection_run WHERE id = 1") else { return nil }
        let run = StoredRow(found, table: "projection_run")
        let made: CalendarDate = try run(Column("made_on"))
        guard today.dayNumber - made.dayNumber <= maxAgeDays else { return nil }
        let weeks: [CalendarDate] = try (run(Column("weeks")) as String).split(separator: ",").map { text in
            guard let week = CalendarDate(String(text)) else { throw run.unreadable("weeks", found["weeks"]) }
            return week
        }
        var first: [Int64: CalendarDate] = [:]
        var waiting = Set<Int64>()
        for found in try Row.fetchAll(db, sql: "SELECT referral_id, first_week FROM projection") {
            let row = StoredRow(found, table: "projection", key: "referral_id")
            let id: Int64 = try row(Column("referral_id"))
            waiting.insert(id)
            if let week: CalendarDate = try row(Column("first_week")) { first[id] = week }
        }
        return Projection(madeOn: made, weeks: weeks, firstWeek: first, waiting: waiting)
    }
}

extension TimetableStore {
    /// The share of recorded sessions since `since` at which the pupil was absent, and how many
    /// sessions that share is over.
    public func absenceRate(since: CalendarDate) throws -> (rate: Double, sessions: Int) {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS n, COALESCE(SUM(outcome = 'pupil_absent'), 0) AS absent FROM booking
                    WHERE outcome IS NOT NULL AND week_start >= ?
                    """, arguments: [since.description])
            let n: Int = row?["n"] ?? 0
            let absent: Int = row?["absent"] ?? 0
            return (n > 0 ? Double(absent) / Double(n) : 0, n)
        }
    }
}
