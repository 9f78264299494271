import CaseloadCore
import CaseloadService
import CaseloadStore
import Hummingbird

/// The week a page shows: `?week=` (any day of it), else this week; with links to the weeks
/// either side.
struct WeekChoice {
    let monday: CalendarDate
    let today: CalendarDate

    init(_ request: Request, today: CalendarDate) throws {
        self.today = today
        guard let text = request.uri.queryParameters.get("week") else {
            monday = today.weekday >= .sat ? today.adding(days: 7).monday : today.monday
            return
        }
        monday = try Day.date(String(text), field: "week", what: "a day of the week").monday
    }

    /// "the week of Mon 30 Nov".
    var title: String { "week of \(Spoken.date(monday, today: today))" }

    var values: [String: Any] {
        [
            "week": monday.description, "weekTitle": title, "previous": monday.adding(days: -7).description,
            "next": monday.adding(days: 7).description,
        ]
    }
}

/// A week's sessions day by day, for a school's visits or a specialist's week.
struct DayByDay {
    let values: [String: Any]

    init(_ rows: [TimetableRow], today: CalendarDate) {
        let days = Dictionary(grouping: rows, by: \.date).sorted { $0.key < $1.key }
        values = [
            "days": days.map { date, rows in
                [
                    "date": date.description, "title": Spoken.date(date, today: today), "isPast": date <= today,
                    "sessions": rows.sorted { $0.booking.start < $1.booking.start }.map(DayByDay.session),
                ] as [String: Any]
            },
            "none": rows.isEmpty,
        ]
    }

    static func session(_ r: TimetableRow) -> [String: Any] {
        let b = r.booking
        return [
            "referral": b.referral, "time": "\(b.start)–\(b.end)", "school": r.schoolName, "pupil": r.pupilRef,
            "service": r.service, "specialist": b.specialist, "where": r.location, "session": b.sessionNumber,
            "outcome": r.outcome?.words ?? "",
            "outcomes": SessionOutcome.allCases.map { o in
                ["code": o.rawValue, "name": o.words, "selected": r.outcome == o]
            },
        ]
    }
}
