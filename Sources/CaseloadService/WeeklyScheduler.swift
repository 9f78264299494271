import CaseloadCore
import CaseloadPlanner
import CaseloadStore

/// What scheduling a week did.
public struct ScheduleResult: Sendable {
    public var timetable: WeekTimetable
    /// Bookings of a re-planned week that changed or went, with the new booking if any.
    public var moved: [(before: Booking, after: Booking?)]
}

/// The weekly job: gathers the week's demand from the database, plans it, and stores the
/// result as the week's timetable (a draft, or the re-plan of a published week that keeps
/// every booking it can exactly where it was).
public struct WeeklyScheduler: Sendable {
    public let db: AppDatabase
    public let config: TrustConfig
    public let options: PlannerOptions

    /// A scheduler over `db` under `config`.
    public init(db: AppDatabase, config: TrustConfig, options: PlannerOptions = PlannerOptions()) {
        self.db = db; self.config = config; self.options = options
    }

    /// Plans the week starting `week` (a Monday) and stores it.
    public func schedule(week: CalendarDate, replan: Bool, stamp: Stamp) throws -> ScheduleResult {
        guard week.weekday == .mon else { throw StoreError.invalid("--week \(week) is a \(week.weekday.displayName); give the Monday of the week") }
        let previous = try db.timetable(week: week)
        if previous?.published == true, !replan {
            throw StoreError.conflict("the week of \(week) is published; re-plan it with --replan (bookings stay where they can)")
        }
        if replan, previous?.published != true {
            throw StoreError.conflict("the week of \(week) is not published, so there is nothing to keep; schedule it without --replan")
        }
        var input = try db.weekInput(week: week, config: config)
        input.keep = replan ? keepable(previous!, input) : []
        let (scenario, leftOut) = WeekDemand(input).build(name: "week-\(week)")
        var options = options
        options.locked = Set(input.keep.map(\.sessionId))
        let plan = WeekPlanner(options: options).plan(scenario)
        let assembler = TimetableAssembler(scenario: scenario, leave: input.leave)
        let timetable = WeekTimetable(weekStart: week, published: previous?.published ?? false, scenario: scenario, plan: plan,
                                      bookings: assembler.bookings(plan),
                                      unbooked: assembler.unbooked(plan) + leftOut.map { ($0.referral, $0.code, $0.reason) },
                                      outcomes: previous?.outcomes ?? [:])
        try db.saveTimetable(timetable, keepPublished: replan, stamp: stamp)
        return ScheduleResult(timetable: timetable, moved: replan ? moves(previous!.bookings, timetable.bookings) : [])
    }

    /// Bookings that can stay: not yet recorded, and their specialist is not away that day.
    func keepable(_ previous: WeekTimetable, _ input: WeekDemand.Input) -> [Booking] {
        previous.bookings.filter { b in
            previous.outcomes[b.referral] == nil
                && !input.leave.contains { $0.specialist == b.specialist && $0.covers(input.weekStart.adding(days: b.day.index)) }
        }
    }

    func moves(_ before: [Booking], _ after: [Booking]) -> [(before: Booking, after: Booking?)] {
        let now = Dictionary(uniqueKeysWithValues: after.map { ($0.referral, $0) })
        return before.compactMap { b in now[b.referral] == b ? nil : (b, now[b.referral]) }
    }
}
