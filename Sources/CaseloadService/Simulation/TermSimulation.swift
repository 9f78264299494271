import CaseloadCore
import CaseloadPlanner
import CaseloadStore
import Foundation

/// One policy to simulate: the trust's settings and any extra or changed specialists.
public struct Policy: Sendable {
    public var name: String
    public var config: TrustConfig
    public var roster: [RosterEntry]

    /// A policy; `roster` entries are added to (or replace) the database's specialists.
    public init(name: String, config: TrustConfig, roster: [RosterEntry] = []) {
        self.name = name
        self.config = config
        self.roster = roster
    }
}

/// One simulated week's figures.
public struct WeekFigures: Sendable, Equatable {
    public var week: CalendarDate
    public var waiting: [String: Int]
    /// Of the referrals first seen this week, the share seen within their target, per service.
    public var withinTarget: [String: Double]
    /// Weeks from referral to first session, over every referral on the list during the term so far
    /// (those still waiting count their wait so far), per service.
    public var medianWait: [String: Int]
    public var p90Wait: [String: Int]
    /// Waiting EHC needs assessments whose statutory deadline has passed.
    public var statutoryBreaches: Int
    public var travelMinutes: Int
    public var miles: Double
    public var sessionHours: Double
    public var workingHours: Double
    /// Hours delivered per school and service.
    public var schoolHours: [String: [String: Double]]
    /// Referrals that arrived this week, and those the thresholds declined, by school.
    public var arrived = 0
    public var declined: [String: Int] = [:]
    /// The holiday stepped over just before this week ("Christmas holiday (…)"), if any: the
    /// simulation steps through term weeks only.
    public var holidayBefore: String?
    /// Specialists whose free time this week could reach no waiting referral.
    public var idle: [IdleSpecialist] = []

    /// A week's figures.
    public init(
        week: CalendarDate, waiting: [String: Int], withinTarget: [String: Double], medianWait: [String: Int], p90Wait: [String: Int],
        statutoryBreaches: Int, travelMinutes: Int, miles: Double, sessionHours: Double, workingHours: Double,
        schoolHours: [String: [String: Double]]
    ) {
        self.week = week
        self.waiting = waiting
        self.withinTarget = withinTarget
        self.medianWait = medianWait
        self.p90Wait = p90Wait
        self.statutoryBreaches = statutoryBreaches
        self.travelMinutes = travelMinutes
        self.miles = miles
        self.sessionHours = sessionHours
        self.workingHours = workingHours
        self.schoolHours = schoolHours
    }
}

/// Rolls term weeks forward (holidays stepped over) from the database as it is, on an in-memory copy (the database is never
/// changed): arrivals join under the policy's thresholds, each week is planned by the real planner,
/// published and delivered, less a share of sessions lost to pupil absence.
public struct TermSimulation: Sendable {
    /// How many weeks a what-if may roll forward, from the CLI, the API and the page alike.
    public static let weeksAllowed = 1...26
    /// The weeks a what-if rolls forward unless told otherwise.
    public static let defaultWeeks = 12

    /// The Monday a what-if starts on when run `today`: the first week from next Monday that is
    /// not yet published (published weeks are taken as they stand), so that it runs on any day,
    /// a Friday after the weekly job has published next week included.
    public static func firstWeek(after today: CalendarDate, db: AppDatabase) throws -> CalendarDate {
        var monday = today.adding(days: 7 - today.weekday.index)
        for _ in 0..<52 where try db.timetables.timetable(week: monday)?.published == true { monday = monday.adding(days: 7) }
        return monday
    }

    /// `weeks` when it is within `weeksAllowed`, else an error naming the field.
    public static func checked(weeks: Int, field: String = "weeks") throws(InputError) -> Int {
        guard weeksAllowed.contains(weeks) else {
            throw InputError(
                field: field, problem: "a what-if runs from \(weeksAllowed.lowerBound) to \(weeksAllowed.upperBound) weeks, not \(weeks)")
        }
        return weeks
    }

    public var weeks: Int
    public var start: CalendarDate
    public var absence: Double
    public var seed: UInt64
    public var planner: PlannerOptions

    /// A simulation of `weeks` weeks from the Monday `start`.
    public init(weeks: Int, start: CalendarDate, absence: Double = 0.08, seed: UInt64 = 1, planner: PlannerOptions = PlannerOptions(iterations: 400))
    {
        self.weeks = weeks
        self.start = start
        self.absence = absence
        self.seed = seed
        self.planner = planner
    }

    /// The weekly figures of `policy` over the term, with `arrivals`.
    public func run(_ policy: Policy, on source: AppDatabase, arrivals: Arrivals) throws -> [WeekFigures] {
        let db = try source.copyInMemory()
        let stamp = Stamp(actor: "simulation:\(policy.name)", at: Date(timeIntervalSince1970: 0))
        if !policy.roster.isEmpty { try db.roster.importSpecialists(policy.roster, stamp: stamp) }
        let intake = ReferralIntake(db: db, config: policy.config)
        var planner = self.planner
        planner.seed = seed
        let scheduler = WeeklyScheduler(db: db, config: policy.config, options: planner)
        var figures: [WeekFigures] = []
        var cohort = Cohort()
        let calendar = try db.calendar.withClosures(policy.config).calendar
        var previous: CalendarDate?
        for (w, week) in calendar.termWeeks(from: start, count: weeks).enumerated() {
            let skipped = previous.map { p in stride(from: p.dayNumber + 7, to: week.dayNumber, by: 7).map { CalendarDate(dayNumber: $0) } } ?? []
            previous = week
            let arriving = (w < arrivals.weeks.count ? arrivals.weeks[w] : []).map { r in
                var r = r
                r.receivedOn = week
                return r
            }
            let taken = try intake.take(arriving, stamp: stamp)
            let waitingBefore = try db.referrals.waitingList(config: policy.config, today: week)
            cohort.join(waitingBefore)
            let result = try scheduler.schedule(week: week, replan: false, stamp: stamp)
            try db.timetables.publish(week: week, stamp: stamp)
            try deliver(result.timetable, db, policy.config, stamp)
            cohort.see(result.timetable.bookings.filter { $0.sessionNumber == 1 }.map(\.referral), week: week)
            var f = try measure(result.timetable, waitingBefore, db, policy.config)
            f.arrived = taken.count
            f.holidayBefore = skipped.first.flatMap(calendar.closedWeekReason)
            f.idle = IdleSpecialists.find(
                scenario: result.timetable.scenario, bookings: result.timetable.bookings,
                waiting: waitingBefore.map(\.referral), schools: try db.roster.schools())
            for r in taken where r.status == .declined { f.declined[r.request.school, default: 0] += 1 }
            cohort.waits(until: week, into: &f)
            figures.append(f)
        }
        return figures
    }

    func deliver(_ t: WeekTimetable, _ db: AppDatabase, _ config: TrustConfig, _ stamp: Stamp) throws {
        for (day, bookings) in Dictionary(grouping: t.bookings, by: \.day).sorted(by: { $0.key < $1.key }) {
            let entries = bookings.map { b in
                OutcomeEntry(
                    referral: b.referral, outcome: TermSimulation.chance(seed, b.referral, t.weekStart) < absence ? .pupilAbsent : .delivered)
            }
            let date = t.weekStart.adding(days: day.index)
            _ = try db.timetables.recordOutcomes(day: date, entries, today: date, config: config, stamp: stamp)
        }
    }

    /// A repeatable number in [0, 1) from the seed, referral and week (the same in every policy).
    static func chance(_ seed: UInt64, _ referral: Int64, _ week: CalendarDate) -> Double {
        var rng = SeededRandom(seed: seed ^ UInt64(bitPattern: referral &* 0x9E37_79B9) ^ UInt64(week.dayNumber))
        return rng.unit()
    }
}

/// Every referral on the list during the term, when it was received and first seen.
struct Cohort {
    var received: [Int64: (service: String, date: CalendarDate)] = [:]
    var seen: [Int64: CalendarDate] = [:]

    mutating func join(_ waiting: [WaitingEntry]) {
        for e in waiting where received[e.referral.id] == nil {
            received[e.referral.id] = (e.referral.request.service, e.referral.request.receivedOn)
        }
    }

    mutating func see(_ referrals: [Int64], week: CalendarDate) {
        for r in referrals where seen[r] == nil && received[r] != nil { seen[r] = week }
    }

    /// Median and 90th-percentile weeks to first session per service (still waiting: so far).
    func waits(until week: CalendarDate, into f: inout WeekFigures) {
        var byService: [String: [Int]] = [:]
        for (id, r) in received {
            let end = seen[id] ?? week.adding(days: 7)
            byService[r.service, default: []].append(max(0, (end.dayNumber - r.date.dayNumber) / 7))
        }
        for (service, waits) in byService {
            let sorted = waits.sorted()
            f.medianWait[service] = TermSimulation.percentile(sorted, 0.5)
            f.p90Wait[service] = TermSimulation.percentile(sorted, 0.9)
        }
    }
}
