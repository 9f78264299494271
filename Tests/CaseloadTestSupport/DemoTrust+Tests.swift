import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation

/// The stamp test writes carry (a fixed moment, so audit entries compare).
public let testStamp = Stamp(actor: "test", at: Date(timeIntervalSince1970: 1_795_000_000))

/// The Monday most tests plan: 30 November 2026.
public let testWeek = CalendarDate("2026-11-30")!

/// The demo trust (Kemnal's schools, its roster and 1,000 referrals as of 23 November 2026),
/// imported once per test process; each caller gets its own in-memory copy through SQLite's
/// backup, so no test sees another's changes.
public func demoTrust() throws -> AppDatabase {
    try demoTemplate.get().copyInMemory()
}

/// The demo trust written into a real database file at `path` (a copy of the template).
public func demoTrust(at path: String) throws -> AppDatabase {
    let db = try AppDatabase.create(path: path)
    try demoTemplate.get().copy(to: db)
    return db
}

let demoTemplate = Result { () throws -> AppDatabase in
    let db = try AppDatabase.inMemory()
    _ = try DemoTrust.load(into: db, fixtures: Repo.fixtures, config: Repo.config, today: CalendarDate("2026-11-23")!, stamp: testStamp)
    return db
}
