import CaseloadCore
import CaseloadPlanner
import CaseloadStore
import Foundation

/// Makes the promise a SENCO sees: rolls the waiting list forward with the real planner on a
/// private copy of the database (the database itself is never changed), term week by term week:
/// a week already drafted is published as it stands, a week not yet planned is scheduled (with
/// new referrals arriving as they have over the last 26 weeks), and sessions are delivered but
/// for the pupils' usual absence. Each referral waiting today is promised the week its
/// first session fell in; the projection is stored, and the waiting list uses it.
public struct WaitingProjection: Sendable {
    public let db: AppDatabase
    public let config: TrustConfig
    public let options: PlannerOptions
    /// Term weeks to roll forward.
    public var weeks: Int
    /// New referrals are expected at the rate of the last 26 weeks (school by school, service by
    /// service, as varied as they were), so that a promise allows for urgent ones arriving ahead.
    public var expectArrivals = true

    /// A projection of `weeks` term weeks with the planner's `options` (its seed included), each
    /// week's search stopping on its own (never the anytime search: twelve weeks of it would take minutes).
    public init(db: AppDatabase, config: TrustConfig, options: PlannerOptions = PlannerOptions(), weeks: Int = 12) {
        self.db = db
        self.config = config
        self.weeks = weeks
        var quick = options
        quick.anytime = false  // an estimate over many weeks: each week's search stops on its own
        quick.firstRoundOnly = true  // after one round, as planned weeks were before kicked rounds
        self.options = quick
    }

    /// Projects from the week after `today`, stores the result and returns it.
    @discardableResult
    public func run(today: CalendarDate, stamp: Stamp) throws -> Projection {
        let projection = try project(today: today)
        try db.referrals.saveProjection(projection, stamp: stamp)
        return projection
    }

    /// The share of sessions taken as missed because the pupil is absent (a missed first session
    /// is offered again, and takes time again): `nil` for the trust's own rate over the last 12
    /// weeks when at least 200 sessions are recorded, else `typicalAbsence`.
    public var absence: Double?
    /// Pupil absence in English schools runs at about 7%.
    public static let typicalAbsence = 0.07

    /// How many futures to roll forward, each with its own draw of arrivals; each referral is
    /// promised the median of its first weeks over them (one when arrivals are not expected).
    public var samples = 3

    /// The projection, without storing it.
    public func project(today: CalendarDate) throws -> Projection {
        let measured = try db.timetables.absenceRate(since: today.adding(days: -84))
        let absence = self.absence ?? (measured.sessions >= 200 ? measured.rate : WaitingProjection.typicalAbsence)
        let runs = try (0..<(expectArrivals ? max(1, samples) : 1)).map { try project(today: today, seed: UInt64($0 + 1), absence: absence) }
        var first: [Int64: CalendarDate] = [:]
        for id in runs[0].waiting {
            let weeks = runs.map { $0.firstWeek[id] }.sorted { ($0?.dayNumber ?? Int.max) < ($1?.dayNumber ?? Int.max) }
            if let median = weeks[min(weeks.count - 1, (weeks.count * 2) / 3)] { first[id] = median }
        }
        return Projection(madeOn: today, weeks: runs[0].weeks, firstWeek: first, waiting: runs[0].waiting)
    }

    /// One future, with arrivals drawn from `seed`.
    func project(today: CalendarDate, seed: UInt64, absence: Double) throws -> Projection {
        let copy = try db.copyInMemory()
        let calendar = try copy.calendar.withClosures(config).calendar
        let waiting = Set(try copy.referrals.waitingList(config: config, today: today).map(\.referral.id))
        let quiet = Stamp(actor: "projection", at: Date(timeIntervalSince1970: 0))
        let scheduler = WeeklyScheduler(db: copy, config: config, options: options)
        let terms = calendar.termWeeks(from: today.adding(days: 7 - today.weekday.index), count: weeks)
        let incoming =
            expectArrivals
            ? Arrivals(history: try copy.referrals.all(), start: terms.first ?? today, count: terms.count, rate: nil, seed: seed).weeks : []
        let intake = ReferralIntake(db: copy, config: config)
        var first: [Int64: CalendarDate] = [:]
        for (w, week) in terms.enumerated() {
            if w < incoming.count, try copy.timetables.timetable(week: week) == nil {
                let batch = incoming[w].map { r in
                    var r = r
                    r.receivedOn = week.adding(days: -3)
                    return r
                }
                _ = try intake.take(batch, stamp: quiet)
            }
            let t = try timetable(week, copy, scheduler, quiet)
            for b in t.bookings where b.sessionNumber == 1 && waiting.contains(b.referral) && first[b.referral] == nil { first[b.referral] = week }
            try deliver(t, copy, quiet, absence: absence, seed: seed)
        }
        return Projection(madeOn: today, weeks: terms, firstWeek: first, waiting: waiting)
    }

    /// The week as it will be: the stored one (published if still a draft), else a new plan.
    func timetable(_ week: CalendarDate, _ copy: AppDatabase, _ scheduler: WeeklyScheduler, _ stamp: Stamp) throws -> WeekTimetable {
        if try copy.timetables.timetable(week: week) == nil { _ = try scheduler.schedule(week: week, replan: false, stamp: stamp) }
        if try copy.timetables.timetable(week: week)?.published == false {
            do { try copy.timetables.publish(week: week, stamp: stamp) } catch StoreError.conflict {  // a draft older than the list: plan it again
                _ = try scheduler.schedule(week: week, replan: false, stamp: stamp)
                try copy.timetables.publish(week: week, stamp: stamp)
            }
        }
        return try copy.timetables.timetable(week: week)!
    }

    /// Records the week's sessions as delivered, less a repeatable `absence` share missed.
    func deliver(_ t: WeekTimetable, _ copy: AppDatabase, _ stamp: Stamp, absence: Double, seed: UInt64) throws {
        for (day, bookings) in Dictionary(grouping: t.bookings.filter { t.outcomes[$0.referral] == nil }, by: \.day) {
            let date = t.weekStart.adding(days: day.index)
            let entries = bookings.map { b in
                var rng = SeededRandom(seed: seed &* 0x9E37_79B9 ^ UInt64(bitPattern: b.referral) ^ UInt64(date.dayNumber))
                return OutcomeEntry(referral: b.referral, outcome: rng.unit() < absence ? .pupilAbsent : .delivered)
            }
            _ = try copy.timetables.recordOutcomes(day: date, entries, today: date, config: config, stamp: stamp)
        }
    }
}
