import GRDB

/// One part of the database, named by what it keeps, over `AppDatabase`'s one private writer:
/// every read and write still goes through `AppDatabase.read`/`write` (one transaction each).
protocol Store: Sendable {
    var database: AppDatabase { get }
}

extension Store {
    func read<T>(_ body: (Database) throws -> T) throws -> T { try database.read(body) }
    func write<T>(_ body: (Database) throws -> T) throws -> T { try database.write(body) }
}

/// Referrals, their history, the waiting list and its projection.
public struct ReferralStore: Store {
    let database: AppDatabase
}

/// A pupil's data over time: retention, erasure, and what the export gathers.
public struct PupilStore: Store {
    let database: AppDatabase
}

/// Planned and published weeks, their series and the outcomes recorded against them.
public struct TimetableStore: Store {
    let database: AppDatabase
}

/// The school year's exceptions: closures, and specialists' leave and absences.
public struct CalendarStore: Store {
    let database: AppDatabase
}

/// The trust's schools and its roster of specialists.
public struct RosterStore: Store {
    let database: AppDatabase
}

/// Who may come in: access keys and calendar feeds.
public struct AccessStore: Store {
    let database: AppDatabase
}

extension AppDatabase {
    /// Referrals, their history, the waiting list and its projection.
    public var referrals: ReferralStore { ReferralStore(database: self) }
    /// A pupil's data over time: retention, erasure, and what the export gathers.
    public var pupils: PupilStore { PupilStore(database: self) }
    /// Planned and published weeks, their series and outcomes.
    public var timetables: TimetableStore { TimetableStore(database: self) }
    /// Closures, leave and absences.
    public var calendar: CalendarStore { CalendarStore(database: self) }
    /// Schools and specialists.
    public var roster: RosterStore { RosterStore(database: self) }
    /// Access keys and calendar feeds.
    public var access: AccessStore { AccessStore(database: self) }
}
