/// A session with its outcome recorded, as the term's figures count it.
public struct RecordedSession: Sendable, Equatable {
    public var referral: Int64
    public var school: String
    public var service: String
    public var date: CalendarDate
    public var minutes: Int
    public var outcome: SessionOutcome

    /// A session with every field.
    public init(referral: Int64, school: String, service: String, date: CalendarDate, minutes: Int, outcome: SessionOutcome) {
        (self.referral, self.school, self.service, self.date, self.minutes, self.outcome) = (referral, school, service, date, minutes, outcome)
    }
}

/// A published week's use of the specialists' time.
public struct WeekUse: Sendable, Equatable {
    public var monday: CalendarDate
    public var bookedMinutes: Int
    public var workingMinutes: Int
    public var travelMinutes: Int

    /// A week's use with every field.
    public init(monday: CalendarDate, bookedMinutes: Int, workingMinutes: Int, travelMinutes: Int) {
        (self.monday, self.bookedMinutes, self.workingMinutes, self.travelMinutes) = (monday, bookedMinutes, workingMinutes, travelMinutes)
    }
}

/// What the term's figures are made from: every referral, when each was first seen (its first
/// delivered session) and when it left the waiting list, the sessions recorded, the weeks' use.
public struct TermInput: Sendable {
    public var from: CalendarDate, to: CalendarDate
    public var referrals: [Referral]
    public var firstSeen: [Int64: CalendarDate]
    public var leftWaiting: [Int64: CalendarDate]
    public var sessions: [RecordedSession]
    public var weeks: [WeekUse]
    /// Running blocks left without their weekly session, per week.
    public var interrupted: Int

    /// An input with every field.
    public init(
        from: CalendarDate, to: CalendarDate, referrals: [Referral], firstSeen: [Int64: CalendarDate], leftWaiting: [Int64: CalendarDate],
        sessions: [RecordedSession], weeks: [WeekUse], interrupted: Int
    ) {
        (self.from, self.to, self.referrals, self.firstSeen, self.leftWaiting) = (from, to, referrals, firstSeen, leftWaiting)
        (self.sessions, self.weeks, self.interrupted) = (sessions, weeks, interrupted)
    }
}

/// One service's (or one school's) term in figures.
public struct TermLine: Sendable, Equatable, Codable {
    public var name: String
    public var referralsIn = 0, accepted = 0, declined = 0, waitingNow = 0
    /// Of those first seen this term: how many within their band's target, by band.
    public var seenByBand: [String: Int] = [:], withinTargetByBand: [String: Int] = [:]
    /// Weeks from receipt to the first session, of those first seen this term.
    public var medianWaitWeeks = 0.0, p90WaitWeeks = 0.0
    /// Waiting now past their target, and first seen after it this term.
    public var breaches = 0
    public var statutoryMet = 0, statutoryMissed = 0
    public var delivered = 0, pupilAbsent = 0, cancelledBySchool = 0, cancelledByTrust = 0
    public var deliveredHours = 0.0
    /// The school's fair share of the delivered hours (schools only).
    public var fairShareHours: Double?

    enum CodingKeys: String, CodingKey {
        case name, accepted, declined, breaches, delivered
        case referralsIn = "referrals_in"
        case waitingNow = "waiting_now"
        case seenByBand = "seen_by_band"
        case withinTargetByBand = "within_target_by_band"
        case medianWaitWeeks = "median_wait_weeks"
        case p90WaitWeeks = "p90_wait_weeks"
        case statutoryMet = "statutory_met"
        case statutoryMissed = "statutory_missed"
        case pupilAbsent = "pupil_absent"
        case cancelledBySchool = "cancelled_by_school"
        case cancelledByTrust = "cancelled_by_trust"
        case deliveredHours = "delivered_hours"
        case fairShareHours = "fair_share_hours"
    }

    /// An empty line named `name`.
    public init(name: String) { self.name = name }
}

/// The term to date at a glance: per service and per school, the trust's totals, each week's
/// use of time, and the waiting list and waits week by week.
public struct TermFigures: Sendable, Codable {
    /// The first day of the term and the last day counted (`YYYY-MM-DD`).
    public var from: String, to: String
    public var services: [TermLine]
    public var schools: [TermLine]
    public var trust: TermLine
    public var utilisation: Double, travelHours: Double
    public var blocksInterrupted: Int
    /// Each Monday of the term so far, how many waited then, and the median wait (weeks) of those first seen that week.
    public var weekly: [WeekPoint]

    enum CodingKeys: String, CodingKey {
        case from, to, services, schools, trust, utilisation, weekly
        case travelHours = "travel_hours"
        case blocksInterrupted = "blocks_interrupted"
    }

    /// A week of the term.
    public struct WeekPoint: Sendable, Codable, Equatable {
        public var monday: String
        public var waiting: [String: Int]
        public var medianWaitWeeks: Double

        enum CodingKeys: String, CodingKey {
            case monday, waiting
            case medianWaitWeeks = "median_wait_weeks"
        }
    }
}
