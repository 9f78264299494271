import CaseloadCore
import CaseloadStore

/// How a set of booked sessions went: recorded outcomes, and those not recorded yet.
public struct OutcomeCounts: Sendable, Equatable {
    public var delivered = 0
    public var pupilAbsent = 0
    public var cancelledBySchool = 0
    /// The specialist was away (the trust cancelled).
    public var cancelledByTrust = 0
    public var notRecorded = 0

    /// Counts with every field 0.
    public init() {}

    /// The counts of `rows`' outcomes.
    init(_ rows: [TimetableRow]) {
        for r in rows {
            switch r.outcome {
            case .delivered?: delivered += 1
            case .pupilAbsent?: pupilAbsent += 1
            case .schoolCancelled?: cancelledBySchool += 1
            case .specialistAbsent?: cancelledByTrust += 1
            case nil: notRecorded += 1
            }
        }
    }

    /// The columns of a table of counts, after the row's name.
    public static let columns =
        [SessionOutcome.delivered, .pupilAbsent, .schoolCancelled, .specialistAbsent].map(\.words) + ["not recorded"]

    /// The counts in the order of `columns`.
    public var cells: [String] { [delivered, pupilAbsent, cancelledBySchool, cancelledByTrust, notRecorded].map(String.init) }
}

extension WeekReport {
    /// The week's sessions by outcome, per service and per school (by name), in name order.
    static func outcomes(_ rows: [TimetableRow]) -> (byService: [(String, OutcomeCounts)], bySchool: [(String, OutcomeCounts)]) {
        let byService = Dictionary(grouping: rows, by: \.service).map { ($0.key, OutcomeCounts($0.value)) }.sorted { $0.0 < $1.0 }
        let bySchool = Dictionary(grouping: rows, by: \.schoolName).map { ($0.key, OutcomeCounts($0.value)) }.sorted { $0.0 < $1.0 }
        return (byService, bySchool)
    }
}

/// The term so far: sessions by outcome in every published week of the term up to a given week.
public struct TermToDate: Sendable {
    /// The term's first day (or the week's Monday when the week is in no term of the settings).
    public var from: CalendarDate
    /// The last week counted.
    public var through: CalendarDate
    /// How many published weeks were counted.
    public var weeks: Int
    public var byService: [(service: String, counts: OutcomeCounts)]
    public var bySchool: [(school: String, counts: OutcomeCounts)]

    /// The term of `week` (from the settings' terms) to the end of that week.
    public init(db: AppDatabase, config: TrustConfig, through week: CalendarDate) throws {
        let term = config.calendar.terms.first { $0.from <= week.adding(days: 4) && week <= $0.to }
        from = term?.from ?? week
        through = week
        let referrals = Dictionary(uniqueKeysWithValues: try db.referrals.all().map { ($0.id, $0) })
        let tables = try db.timetables.publishedWeeks(from: from.monday, to: week).compactMap { try db.timetables.timetable(week: $0) }
        weeks = tables.count
        (byService, bySchool) = WeekReport.outcomes(tables.flatMap { TimetableRows.rows($0, referrals: referrals) })
    }
}
