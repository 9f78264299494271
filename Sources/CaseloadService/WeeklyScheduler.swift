import CaseloadCore
import CaseloadPlanner
import CaseloadStore

/// A week in which no school of the trust is open: there is nothing to plan, and that is not a failure.
public struct SchoolsClosed: Error, CustomStringConvertible, Equatable {
    public var week: CalendarDate
    /// Why, from the calendar ("Christmas holiday (2026-12-19 to 2027-01-03)").
    public var reason: String
    /// The next week with a school open, if the calendar knows one.
    public var next: CalendarDate?

    public var description: String {
        "the week of \(week) books nothing because every school is closed: \(reason)"
            + (next.map { "; the next week with schools open is \($0)" } ?? "")
    }
}

/// What scheduling a week did.
public struct ScheduleResult: Sendable {
    public var timetable: WeekTimetable
    /// Bookings of a re-planned week that changed or went, with the new booking if any.
    public var moved: [(before: Booking, after: Booking?)]
    /// Bookings kept exactly as they were because they have happened or have an outcome.
    public var frozen: Int
    /// Running blocks the week leaves without their session, with why (first claim next week).
    public var interrupted: [(referral: Int64, reason: String)] = []
}

/// The weekly job: gathers the week's demand from the database, plans it, and stores the
/// result as the week's timetable (a draft, or the re-plan of a published week that keeps
/// every booking it can exactly where it was).
///
/// The past is frozen: a booking on a day gone by, one that has begun, and one with a recorded
/// outcome stay exactly as they are; new sessions go only on days still to come (today too, if
/// the school day has not started).
public struct WeeklyScheduler: Sendable {
    public let db: AppDatabase
    public let config: TrustConfig
    public let options: PlannerOptions

    /// A scheduler over `db` under `config`.
    public init(db: AppDatabase, config: TrustConfig, options: PlannerOptions = PlannerOptions()) {
        self.db = db
        self.config = config
        self.options = options
    }

    /// Plans the week starting `week` (a Monday) as of `now` (`nil`: long before the week begins)
    /// and stores it. New bookings keep to the trust's notice (`planning.notice_school_days`)
    /// unless `shortNotice` (a leader's approval) allows any day still to come.
    public func schedule(week: CalendarDate, replan: Bool, now: Moment? = nil, shortNotice: Bool = false, stamp: Stamp) throws -> ScheduleResult {
        let (previous, calendar, progress) = try check(week: week, replan: replan, now: now)
        var input = try db.timetables.weekInput(week: week, config: config)
        let (frozen, keep) = replan ? split(previous!, input, progress) : ([], [])
        input.frozen = frozen
        input.keep = keep
        input.openDays = Set(progress.openDays)
        if !shortNotice, let now {
            let notice = WeeklyScheduler.noticeDays(week: week, today: now.date, notice: config.planning.noticeSchoolDays, calendar: calendar)
            input.insideNotice = input.openDays.subtracting(notice)
            input.openDays.formIntersection(notice)
        }
        return try plan(input, previous: previous, replan: replan, stamp: stamp)
    }

    /// Refuses, before any search, a week that cannot be planned as asked: not a Monday, published
    /// (unless re-planned) or not (if re-planned), every school closed, or over. Answers the week
    /// as stored, the school calendar and how far the week has got.
    public func check(week: CalendarDate, replan: Bool, now: Moment?) throws -> (WeekTimetable?, SchoolCalendar, WeekProgress) {
        guard week.weekday == .mon else { throw StoreError.invalid("week \(week) is a \(week.weekday.displayName); give the Monday of the week") }
        let previous = try db.timetables.timetable(week: week)
        if previous?.published == true, !replan {
            throw StoreError.conflict("the week of \(week) is published; re-plan it instead (bookings stay where they can)")
        }
        if replan, previous?.published != true {
            throw StoreError.conflict("the week of \(week) is not published, so there is nothing to keep; schedule it afresh")
        }
        let calendar = try db.calendar.withClosures(config).calendar
        if let why = calendar.closedWeekReason(week) {
            throw SchoolsClosed(week: week, reason: why, next: calendar.nextTermWeek(from: week.adding(days: 7)))
        }
        let progress = WeekProgress(week: week, now: now, dayStart: WeekDemand.schoolDay.start)
        guard !progress.openDays.isEmpty || previous != nil else {
            throw StoreError.invalid("the week of \(week) is over; there is nothing left to plan in it")
        }
        return (previous, calendar, progress)
    }

    /// The days of the week starting `week` that a booking made `today` reaches with `notice`
    /// school days' notice (0: every day still to come).
    public static func noticeDays(week: CalendarDate, today: CalendarDate, notice: Int, calendar: SchoolCalendar) -> Set<Weekday> {
        Set(Weekday.allCases.filter { calendar.schoolDays(after: today, through: week.adding(days: $0.index)) >= notice })
    }

    func plan(_ input: WeekDemand.Input, previous: WeekTimetable?, replan: Bool, stamp: Stamp) throws -> ScheduleResult {
        let week = input.weekStart
        let (scenario, plan, leftOut) = search(input)
        let assembler = TimetableAssembler(scenario: scenario, leave: input.leave)
        let bookings = WeeklyScheduler.keepingRecord(assembler.bookings(plan), frozen: input.frozen)
        var timetable = WeekTimetable(
            weekStart: week, published: previous?.published ?? false, scenario: scenario, plan: plan,
            bookings: bookings,
            unbooked: assembler.unbooked(plan) + leftOut.map { ($0.referral, $0.code, $0.reason) },
            outcomes: previous?.outcomes ?? [:])
        try db.timetables.saveTimetable(timetable, keepPublished: replan, stamp: stamp)
        let statistics = plan.statistics
        timetable = try db.timetables.timetable(week: week) ?? timetable
        timetable.plan.statistics = statistics  // the search's own figures, which the stored plan does not keep
        var result = ScheduleResult(
            timetable: timetable, moved: replan ? moves(previous!.bookings, timetable.bookings) : [], frozen: input.frozen.count)
        result.interrupted = timetable.interruptedBlocks
        return result
    }

    /// The week's plan. Running blocks held to a `preferred` weekday or time that found no room
    /// there get a second pass with everything the first placed kept where it is: they may then
    /// go anywhere in the week rather than miss it (a `required` rule is never let go).
    func search(_ input: WeekDemand.Input) -> (WeekScenario, WeekPlan, [LeftOut]) {
        let first = pass(input)
        let unplaced = Set(first.plan.unassigned.compactMap { TimetableAssembler.parse(sessionId: $0.session)?.referral })
        let relax = WeekDemand(input).relaxable(unplaced)
        guard !relax.isEmpty else { return first }
        var second = input
        second.relaxed = relax
        let fixed = Set(input.frozen.map(\.sessionId))
        second.keep = TimetableAssembler(scenario: first.scenario, leave: input.leave).bookings(first.plan).filter { !fixed.contains($0.sessionId) }
        second.keptPriority = Dictionary(first.scenario.sessions.map { ($0.id, $0.priority) }, uniquingKeysWith: max)
        return pass(second)
    }

    /// One search over the week `input` describes.
    func pass(_ input: WeekDemand.Input) -> (scenario: WeekScenario, plan: WeekPlan, leftOut: [LeftOut]) {
        let (scenario, leftOut) = WeekDemand(input).build(name: "week-\(input.weekStart)")
        var options = options
        options.locked = Set((input.frozen + input.keep).map(\.sessionId))
        return (scenario, WeekPlanner(options: options).plan(scenario), leftOut)
    }

    /// The previous week's bookings that are part of the record (begun or recorded), and those
    /// still to come that can stay (their specialist is not away that day).
    func split(_ previous: WeekTimetable, _ input: WeekDemand.Input, _ progress: WeekProgress) -> (frozen: [Booking], keep: [Booking]) {
        let frozen = previous.bookings.filter { previous.outcomes[$0.referral] != nil || progress.hasBegun($0) }
        let calendar = input.config.calendar
        let keep = previous.bookings.filter { b in
            !frozen.contains(b) && calendar.isOpen(progress.date(b.day), school: b.school)
                && !input.leave.contains { $0.specialist == b.specialist && $0.covers(progress.date(b.day), from: b.start, to: b.end) }
        }
        return (frozen, keep)
    }

    /// The plan's bookings with every frozen booking exactly as it was, whatever the search did.
    static func keepingRecord(_ planned: [Booking], frozen: [Booking]) -> [Booking] {
        let fixed = Set(frozen.map(\.referral))
        return frozen + planned.filter { !fixed.contains($0.referral) }
    }

    func moves(_ before: [Booking], _ after: [Booking]) -> [(before: Booking, after: Booking?)] {
        let now = Dictionary(uniqueKeysWithValues: after.map { ($0.referral, $0) })
        return before.compactMap { b in now[b.referral] == b ? nil : (b, now[b.referral]) }
    }
}
