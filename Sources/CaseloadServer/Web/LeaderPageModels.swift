import CaseloadCore
import CaseloadStore

/// The week a page shows and the links either side (`{{nav.week}}`, `{{nav.previous}}`, …).
struct WeekNav: Sendable {
    let week: String
    let weekTitle: String
    let previous: String
    let next: String
}

/// `waiting-list.mustache`: one service's waiting list, its breaches and deadlines, and the
/// urgent referrals that will miss their target.
struct WaitingListPage: PageModel {
    static let template = Template.waitingList

    /// A service to switch to.
    struct Service: Sendable {
        let code, name: String
        let current: Bool
    }

    /// One referral on the list.
    struct Row: Sendable {
        let position: Int
        let id: Int64
        let school, pupil, band: String
        let priority, weeks: Int
        let target: String
        let breached: Bool
        let deadline, firstWeek: String
        let warning: String?
    }

    /// An urgent or statutory referral that will miss its target.
    struct Late: Sendable {
        let id: Int64
        let school, pupil, band, due, firstWeek: String
    }

    let services: [Service]
    let rows: [Row]
    let count, breaches, deadlines: Int
    let more: Bool
    let late: [Late]
    let hasLate: Bool
    /// Published weeks an absence or a closure has touched since (leaders only): what to re-plan.
    var touched: [Touched] = []
    var hasTouched = false

    /// A published week with visits that cannot happen as booked.
    struct Touched: Sendable {
        let week, title, said: String
    }
}

/// `weeks.mustache`: a week to plan, and the stored plan for review.
struct WeekPlanPage: PageModel {
    static let template = Template.weeks
    let nav: WeekNav
    let searchHint: String
    let noticeDays: Int
    let plan: WeekReview?
    let notice: String?
    /// When the draft is published by itself unless held ("Fri 11 Dec at 12:00"), if it will be.
    let autoPublish: String?
    /// Who held the draft back, when, and why.
    let held: String?
    /// What changed since the draft was planned, when it has gone stale: publishing would be refused.
    let stale: String?
}

/// A stored week for review: what is booked per specialist, the routes on a map, and each
/// referral not booked with the planner's reason.
struct WeekReview: Sendable {
    /// How many were not booked for one reason.
    struct Reason: Sendable {
        let reason: String
        let count: Int
    }

    /// A referral and why (not booked, or a block interrupted).
    struct Referral: Sendable {
        let referral: Int64
        let reason: String
    }

    /// A school as numbered on the map.
    struct MapSchool: Sendable {
        let number: Int
        /// "Havant Academy (3 visits)".
        let said: String
    }

    /// A specialist's week in numbers.
    struct Specialist: Sendable {
        let id, name: String
        let sessions, days: Int
    }

    let published: Bool
    let bookings, referrals, unbooked: Int
    let reasons: [Reason]
    let unbookedRows: [Referral]
    let specialists: [Specialist]
    let map: String
    let hasBookings: Bool
    /// The schools numbered on the map.
    let mapKey: [MapSchool]
    let interrupted: [Referral]
    let hasInterrupted: Bool
}

/// `replan-confirm.mustache`: every published visit a re-plan would move, and where to.
struct ReplanConfirmPage: PageModel {
    static let template = Template.replanConfirm

    /// A visit that moves.
    struct Move: Sendable {
        let referral: Int64
        let school, before, after: String
    }

    let week: String
    let moves: [Move]
    let count: Int
    let none: Bool
    let shortNotice: Bool
    let interrupted: [WeekReview.Referral]
    let hasInterrupted: Bool
}

/// `visits.mustache`: a school's visits in a week, day by day.
struct VisitsPage: PageModel {
    static let template = Template.visits
    let nav: WeekNav
    let days: [DayByDay.Day]
    let none: Bool
    /// Why there is nothing to show (no published week).
    let empty: String?
    /// Only a published week's visits go in calendars.
    let published: Bool
}

/// `my-week.mustache`: a specialist's week day by day (journeys, sessions and the break), the
/// day's outcomes, an absence, and their calendar address.
struct MyWeekPage: PageModel {
    static let template = Template.myWeek

    /// One day.
    struct Day: Sendable {
        let date, title: String
        let isPast: Bool
        let items: [Item]
    }

    /// A journey, the break or a session, one of the three.
    struct Item: Sendable {
        let time, date: String
        var travel: String? = nil
        var rest: String? = nil
        var session: DayByDay.Session? = nil
    }

    let nav: WeekNav
    let specialist: String
    var days: [Day] = []
    var none = false
    var empty: String? = nil
    var feedSince: String? = nil
    var notice: String? = nil
    /// The days of this week the specialist is away, and why.
    var away: [Absence] = []
    var hasAway = false
    /// Their absences from this week on, to withdraw.
    var absences: [Absence] = []
    var hasAbsences = false

    /// An absence as the page lists it.
    struct Absence: Sendable {
        let id: Int64
        let when, reason: String
    }
}

/// `people.mustache`: the trust's people, a form to add one and one to paste the staff list.
struct PeoplePage: PageModel {
    static let template = Template.people
    let people: [Row]
    var notice: String? = nil
    var error: String? = nil

    /// One person as listed: roles in words, with school names.
    struct Row: Sendable {
        let id: Int64
        let name, email, roles: String
        let off: Bool
        let signedIn: Bool

        init(_ p: Person, schools: [String: String]) {
            (id, name, email, off, signedIn) = (p.id, p.name, p.email, p.isDisabled, p.hasSignedIn)
            roles = p.roles.map { PeoplePage.words($0, schools) }.joined(separator: "; ")
        }
    }

    static func words(_ role: Role, _ schools: [String: String]) -> String {
        switch role {
        case .senco(let urn): "SENCO, \(schools[urn] ?? "school \(urn)")"
        case .specialist(let id): "specialist \(id)"
        case .leader: "trust leader"
        case .monitor: "monitoring"
        }
    }
}

/// `person.mustache`: one person's details to change.
struct PersonPage: PageModel {
    static let template = Template.person
    let id: Int64
    let name, email, roles: String
    let off: Bool
    let digest: Bool
    var error: String? = nil

    init(_ p: Person, error: String? = nil) {
        (id, name, email, off, digest) = (p.id, p.name, p.email, p.isDisabled, p.delivery == .dailyDigest)
        roles = p.roles.map(\.spelled).joined(separator: "; ")
        self.error = error
    }
}

/// `messages.mustache`: the outbox as leaders see it.
struct MessagesPage: PageModel {
    static let template = Template.messages
    let alarm: Int
    let failing: [Row]
    let latest: [Row]
    let hasFailing: Bool

    init(alarm: Int, failing: [Row], latest: [Row]) {
        (self.alarm, self.failing, self.latest, hasFailing) = (alarm, failing, latest, !failing.isEmpty)
    }

    /// One message as listed (its subject only: the pupils in a body are for its reader).
    struct Row: Sendable {
        let to, subject, made, state, error: String
        let attempts: Int

        init(_ m: OutgoingMessage, sentAt: String?) {
            (to, subject, made, attempts, error) = ("\(m.name) <\(m.email)>", m.notice.subject, m.createdAt, m.attempts, m.lastError ?? "")
            state = sentAt.map { "sent \($0)" } ?? (m.attempts > 0 ? "tried \(m.attempts) times" : "waiting")
        }
    }
}

/// `jobs.mustache`: each scheduled job's times and its last run.
struct JobsPage: PageModel {
    static let template = Template.jobs
    let jobs: [Row]
    let hasJobs: Bool

    init(jobs: [Row]) { (self.jobs, hasJobs) = (jobs, !jobs.isEmpty) }

    /// One job as listed.
    struct Row: Sendable {
        let name, when, last, outcome, next: String
    }
}
