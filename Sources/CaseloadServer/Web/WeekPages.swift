import CaseloadCore
import CaseloadService
import CaseloadStore
import Hummingbird

/// The week a page shows: `?week=` (any day of it), else this week; with links to the weeks
/// either side.
struct WeekChoice {
    let monday: CalendarDate
    let today: CalendarDate

    init(_ request: Request, today: CalendarDate, otherwise: CalendarDate? = nil) throws {
        self.today = today
        guard let text = request.uri.queryParameters.get("week") else {
            monday = otherwise ?? (today.weekday >= .sat ? today.adding(days: 7).monday : today.monday)
            return
        }
        monday = try Day.date(String(text), field: "week", what: "a day of the week").monday
    }

    /// "the week of Mon 30 Nov".
    var title: String { "week of \(Spoken.date(monday, today: today))" }

    /// The week and the links either side.
    var nav: WeekNav {
        WeekNav(
            week: monday.description, weekTitle: title, previous: monday.adding(days: -7).description, next: monday.adding(days: 7).description)
    }
}

/// A week's sessions day by day, for a school's visits or a specialist's week.
struct DayByDay: Sendable {
    /// One day's sessions.
    struct Day: Sendable {
        let date, title: String
        let isPast: Bool
        let sessions: [Session]
    }

    /// One session, with the outcomes to choose from.
    struct Session: Sendable {
        let referral: Int64
        let time, school, pupil, service, specialist, `where`: String
        let session: Int
        let outcome: String
        /// The specialist's note on it, if any.
        var note = ""
        let outcomes: [Choice]
    }

    /// An outcome to choose.
    struct Choice: Sendable {
        let code, name: String
        let selected: Bool
    }

    let days: [Day]
    let none: Bool

    /// The days of `rows`; `people` names each specialist and `services` each service in words.
    init(_ rows: [TimetableRow], today: CalendarDate, people: [String: SpecialistContact] = [:], services: [String: String] = [:]) {
        days = Dictionary(grouping: rows, by: \.date).sorted { $0.key < $1.key }.map { date, rows in
            Day(
                date: date.description, title: Spoken.date(date, today: today), isPast: date <= today,
                sessions: rows.sorted { $0.booking.start < $1.booking.start }.map { DayByDay.session($0, people, services) })
        }
        none = rows.isEmpty
    }

    static func session(_ r: TimetableRow, _ people: [String: SpecialistContact], _ services: [String: String]) -> Session {
        let b = r.booking
        let who = people[b.specialist].map { c in [c.said(id: b.specialist), c.reach].filter { !$0.isEmpty }.joined(separator: ", ") }
        return Session(
            referral: b.referral, time: "\(b.start)–\(b.end)", school: r.schoolName, pupil: r.pupilRef, service: services[r.service] ?? r.serviceName,
            specialist: who ?? b.specialist, where: r.location, session: b.sessionNumber, outcome: r.outcome?.words ?? "",
            outcomes: SessionOutcome.allCases.map { o in Choice(code: o.rawValue, name: o.words, selected: r.outcome == o) })
    }
}
