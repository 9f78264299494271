import CaseloadCore
import GRDB

/// Whether a stored week is a draft or published.
enum WeekStatus: String, DatabaseValueConvertible, Codable, Sendable {
    case draft
    case published
}

/// A row of `timetable`: one week's plan, draft or published, with the scenario it solved.
struct TimetableRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "timetable"
    var weekStart: CalendarDate
    var status: WeekStatus
    var scenario: String
    var plan: String
    var servedPriority: Int
    var travelMin: Int
    var createdAt: String
    var publishedAt: String?
    /// 0 when first planned; one more at each re-plan (iCalendar's SEQUENCE).
    var revision: Int
    /// The last audit entry when it was planned: the state it was planned on.
    var basedOnAudit: Int64

    enum Columns: String, ColumnExpression {
        case status, scenario, plan, revision
        case weekStart = "week_start"
        case servedPriority = "served_priority"
        case travelMin = "travel_min"
        case createdAt = "created_at"
        case publishedAt = "published_at"
        case basedOnAudit = "based_on_audit"
    }
}

extension TimetableRow {
    init(row: Row) throws {
        let r = StoredRow(row, table: "timetable", key: "week_start")
        weekStart = try r(Columns.weekStart)
        status = try r(Columns.status)
        scenario = try r(Columns.scenario)
        plan = try r(Columns.plan)
        servedPriority = try r(Columns.servedPriority)
        travelMin = try r(Columns.travelMin)
        createdAt = try r(Columns.createdAt)
        publishedAt = try r(Columns.publishedAt)
        revision = try r(Columns.revision)
        basedOnAudit = try r(Columns.basedOnAudit)
    }
}

/// A booked slot as the `booking` and `cancelled_booking` tables both keep it.
struct BookedSlot: Sendable, Equatable {
    var weekStart: CalendarDate
    var referralId: Int64
    var sessionNumber: Int
    var specialistId: String
    var day: Weekday
    var start: ClockTime
    var end: ClockTime
    var schoolUrn: String

    enum Columns: String, ColumnExpression {
        case day, start, end
        case weekStart = "week_start"
        case referralId = "referral_id"
        case sessionNumber = "session_number"
        case specialistId = "specialist_id"
        case schoolUrn = "school_urn"
    }

    init(week: CalendarDate, _ b: Booking) {
        weekStart = week
        referralId = b.referral
        sessionNumber = b.sessionNumber
        specialistId = b.specialist
        day = b.day
        start = b.start
        end = b.end
        schoolUrn = b.school
    }

    init(_ r: StoredRow) throws {
        weekStart = try r(Columns.weekStart)
        referralId = try r(Columns.referralId)
        sessionNumber = try r(Columns.sessionNumber)
        specialistId = try r(Columns.specialistId)
        day = try r(Columns.day)
        start = try r(Columns.start)
        end = try r(Columns.end)
        schoolUrn = try r(Columns.schoolUrn)
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.weekStart] = weekStart
        container[Columns.referralId] = referralId
        container[Columns.sessionNumber] = sessionNumber
        container[Columns.specialistId] = specialistId
        container[Columns.day] = day
        container[Columns.start] = start
        container[Columns.end] = end
        container[Columns.schoolUrn] = schoolUrn
    }

    /// The booking.
    var booking: Booking {
        Booking(referral: referralId, sessionNumber: sessionNumber, specialist: specialistId, day: day, start: start, end: end, school: schoolUrn)
    }

    /// The session's date.
    var date: CalendarDate { weekStart.adding(days: day.index) }
}

/// A row of `cancelled_booking`: a published booking that a re-plan moved or dropped, kept so that
/// calendars can be told it is cancelled.
struct CancelledRow: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "cancelled_booking"
    var id: Int64?
    var slot: BookedSlot
    var revision: Int

    init(_ b: BookingRow, revision: Int) {
        slot = b.slot
        self.revision = revision
    }

    init(row: Row) throws {
        let r = StoredRow(row, table: "cancelled_booking")
        id = try r(Column("id"))
        slot = try BookedSlot(r)
        revision = try r(Column("revision"))
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        slot.encode(to: &container)
        container["revision"] = revision
    }
}

/// A row of `booking`.
struct BookingRow: FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "booking"
    var id: Int64?
    var slot: BookedSlot
    var outcome: SessionOutcome?
    /// When and by whom the outcome was recorded.
    var outcomeAt: String?
    var outcomeBy: String?
    /// The specialist's short note on the session.
    var note: String?

    enum Columns: String, ColumnExpression {
        case id, outcome, note
        case outcomeAt = "outcome_at"
        case outcomeBy = "outcome_by"
    }

    init(week: CalendarDate, _ b: Booking) { slot = BookedSlot(week: week, b) }

    init(row: Row) throws {
        let r = StoredRow(row, table: "booking")
        id = try r(Columns.id)
        slot = try BookedSlot(r)
        outcome = try r(Columns.outcome)
        outcomeAt = try r(Columns.outcomeAt)
        outcomeBy = try r(Columns.outcomeBy)
        note = try r(Columns.note)
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        slot.encode(to: &container)
        container[Columns.outcome] = outcome
        container[Columns.outcomeAt] = outcomeAt
        container[Columns.outcomeBy] = outcomeBy
        container[Columns.note] = note
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var referralId: Int64 { slot.referralId }

    /// The same session at the same place and time (outcomes aside).
    func sameSlot(_ o: BookingRow) -> Bool { slot == o.slot }
}

/// A row of `unbooked`: a waiting referral not booked this week, and why.
struct UnbookedRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "unbooked"
    var weekStart: CalendarDate
    var referralId: Int64
    var code: String
    var reason: String

    enum Columns: String, ColumnExpression {
        case code, reason
        case weekStart = "week_start"
        case referralId = "referral_id"
    }
}

extension UnbookedRow {
    init(row: Row) throws {
        let r = StoredRow(row, table: "unbooked", key: "referral_id")
        weekStart = try r(Columns.weekStart)
        referralId = try r(Columns.referralId)
        code = try r(Columns.code)
        reason = try r(Columns.reason)
    }
}

/// A row of `series`.
struct SeriesRow: SnakeCaseRecord, Sendable {
    static let databaseTableName = "series"
    var referralId: Int64
    var specialistId: String
    var weekday: Weekday?
    var sessionsDone: Int
    var lastWeek: CalendarDate?

    enum Columns: String, ColumnExpression {
        case weekday
        case referralId = "referral_id"
        case specialistId = "specialist_id"
        case sessionsDone = "sessions_done"
        case lastWeek = "last_week"
    }

    var series: Series {
        Series(referral: referralId, specialist: specialistId, weekday: weekday, sessionsDone: sessionsDone, lastWeek: lastWeek)
    }
}

extension SeriesRow {
    init(row: Row) throws {
        let r = StoredRow(row, table: "series", key: "referral_id")
        referralId = try r(Columns.referralId)
        specialistId = try r(Columns.specialistId)
        weekday = try r(Columns.weekday)
        sessionsDone = try r(Columns.sessionsDone)
        lastWeek = try r(Columns.lastWeek)
    }
}
