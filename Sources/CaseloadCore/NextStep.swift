/// What a person could do next about an error. Errors below the adapters carry it as a value;
/// each edge (the command line, the HTTP API, the web pages) says it in its own terms, so a
/// command never reaches an HTTP answer and a URL never reaches a terminal.
public enum NextStep: Sendable, Equatable {
    /// The database file does not exist yet: create it.
    case createDatabase
    /// The database file is damaged or not ours: restore a backup.
    case restoreBackup
    /// A referral number was not found: list the referrals.
    case listReferrals
    /// A specialist id was not found: list the specialists.
    case listSpecialists
    /// A token id was not found: list the tokens.
    case listTokens
    /// List the trust's people to find the right number or address.
    case listPeople
    /// A school is not in the database: import the trust's schools.
    case importSchools
    /// A closure id was not found: list that school's (or the trust's) closures.
    case listClosures(school: String?)
    /// Too many closures are kept: remove old ones.
    case removeOldClosures(school: String?)
    /// The week has no timetable yet: generate one.
    case generateWeek(CalendarDate)
    /// The week's draft is out of date: plan it again, then publish it.
    case planWeekAgain(CalendarDate)
    /// Confirm the re-plan of a published week (after seeing what it would move).
    case confirmReplan(CalendarDate)
}
