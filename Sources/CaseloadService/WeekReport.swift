import CaseloadCore
import CaseloadPlanner
import CaseloadStore

/// The trust's view of a week: hours against fair share per school and service, waits against
/// target, breaches, travel and mileage, and each specialist's utilisation.
public struct WeekReport: Sendable {
    /// HMRC's approved mileage rate, pounds per mile.
    public static let poundsPerMile = 0.45

    public struct SchoolLine: Sendable { public var school: String, name: String, service: String, hours: Double, entitledHours: Double }
    public struct ServiceLine: Sendable { public var service: String, sessions: Int, hours: Double, waiting: Int, breached: Int, medianWeeks: Int }
    public struct SpecialistLine: Sendable {
        public var id: String, service: String, sessionHours: Double, workingHours: Double, travelMinutes: Int, miles: Double
    }

    public var services: [ServiceLine] = []
    public var schools: [SchoolLine] = []
    public var specialists: [SpecialistLine] = []
    /// Specialists with free time that cannot reach any waiting demand.
    public var idle: [IdleSpecialist] = []
    /// Waiting referrals whose statutory deadline is at risk or falls in a holiday, with why; none
    /// that this week's timetable books.
    public var deadlines: [(referral: Int64, school: String, warning: String)] = []
    /// Urgent and statutory referrals (the trust's `urgency` rule) that this week does not book
    /// and that will be seen later than their target as things stand: the day they should be
    /// seen by, and the likely first week (`nil`: none in sight).
    public var late: [(referral: Int64, school: String, due: CalendarDate, likely: CalendarDate?)] = []
    /// Running blocks the week leaves without their session, with why.
    public var interrupted: [(referral: Int64, reason: String)] = []
    /// The week's sessions by outcome (delivered, pupil absent, cancelled by the school or the
    /// trust, not yet recorded), per service and per school.
    public var outcomesByService: [(service: String, counts: OutcomeCounts)] = []
    public var outcomesBySchool: [(school: String, counts: OutcomeCounts)] = []
    public var travelMinutes: Int { specialists.reduce(0) { $0 + $1.travelMinutes } }
    public var miles: Double { specialists.reduce(0) { $0 + $1.miles } }
    public var mileageCost: Double { miles * WeekReport.poundsPerMile }

    /// The report of `t`, with the waiting list as of the week and the schools' needs.
    public init(_ t: WeekTimetable, referrals: [Int64: Referral], waiting: [WaitingEntry], schools: [SchoolRecord], config: TrustConfig) {
        let rows = TimetableRows.rows(t, referrals: referrals)
        specialists = WeekReport.specialistLines(t, rows)
        services = Set(rows.map(\.service) + waiting.map(\.referral.request.service)).sorted().map { service in
            WeekReport.serviceLine(service, rows.filter { $0.service == service }, waiting.filter { $0.referral.request.service == service })
        }
        self.schools = WeekReport.schoolLines(rows, schools, config)
        (outcomesByService, outcomesBySchool) = WeekReport.outcomes(rows)
        let booked = Set(t.bookings.map(\.referral))
        let open = waiting.filter { !booked.contains($0.referral.id) }
        deadlines = open.compactMap { e in e.deadlineWarning.map { (e.referral.id, e.referral.request.school, $0) } }
        late = open.filter { config.urgency.isUrgent($0) && $0.willMissTarget }.compactMap { e in
            (e.targetDate ?? e.statutoryDeadline).map { (e.referral.id, e.referral.request.school, $0, e.estimatedFirstWeek) }
        }
        interrupted = t.interruptedBlocks
        idle = IdleSpecialists.find(scenario: t.scenario, bookings: t.bookings, waiting: waiting.map(\.referral), schools: schools)
    }

    static func serviceLine(_ service: String, _ rows: [TimetableRow], _ waiting: [WaitingEntry]) -> ServiceLine {
        let weeks = waiting.map(\.weeksWaited).sorted()
        return ServiceLine(
            service: service, sessions: rows.count, hours: hours(rows), waiting: waiting.count,
            breached: waiting.filter(\.breached).count, medianWeeks: weeks.isEmpty ? 0 : weeks[weeks.count / 2])
    }

    static func hours(_ rows: [TimetableRow]) -> Double {
        Double(rows.reduce(0) { $0 + $1.booking.end.minutes - $1.booking.start.minutes }) / 60
    }

    static func schoolLines(_ rows: [TimetableRow], _ schools: [SchoolRecord], _ config: TrustConfig) -> [SchoolLine] {
        let share = FairShare(
            schools: schools.map { SchoolNeed(urn: $0.urn, pupils: $0.pupils, senSupport: $0.senSupport, ehcPlans: $0.ehcPlans) },
            rule: config.fairShare)
        var out: [SchoolLine] = []
        for (service, serviceRows) in Dictionary(grouping: rows, by: \.service).sorted(by: { $0.key < $1.key }) {
            let total = hours(serviceRows)
            for s in schools {
                let mine = serviceRows.filter { $0.booking.school == s.urn }
                out.append(
                    SchoolLine(
                        school: s.urn, name: s.name, service: service, hours: hours(mine),
                        entitledHours: total * (share.entitlement[s.urn] ?? 0)))
            }
        }
        return out
    }

    static func specialistLines(_ t: WeekTimetable, _ rows: [TimetableRow]) -> [SpecialistLine] {
        let model = TravelModel(t.scenario.travel)
        let schools = Dictionary(uniqueKeysWithValues: t.scenario.schools.map { ($0.id, $0.location) })
        return t.scenario.specialists.map { sp in
            let mine = rows.filter { $0.booking.specialist == sp.id }
            var minutes = 0
            var km = 0.0
            for day in Set(mine.map(\.booking.day)).sorted() {
                var at = sp.base
                for r in mine.filter({ $0.booking.day == day }) {
                    let next = schools[r.booking.school] ?? at
                    minutes += model.minutes(at, next)
                    km += TravelModel.distanceKm(at, next) * model.settings.circuity
                    at = next
                }
                minutes += model.minutes(at, sp.base)
                km += TravelModel.distanceKm(at, sp.base) * model.settings.circuity
            }
            let working = Double(sp.days.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }) / 60
            return SpecialistLine(
                id: sp.id, service: sp.service, sessionHours: hours(mine), workingHours: working,
                travelMinutes: minutes, miles: km / 1.609344)
        }
    }
}
