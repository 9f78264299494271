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
        guard let day = CalendarDate(String(text)) else { throw InputError(field: "week", problem: "write the week as a date, YYYY-MM-DD") }
        monday = day.monday
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
            "outcome": r.outcome.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") } ?? "",
            "outcomes": SessionOutcome.allCases.map { o in
                ["code": o.rawValue, "name": o.rawValue.replacingOccurrences(of: "_", with: " "), "selected": r.outcome == o]
            },
        ]
    }
}

/// A specialist's pages: their week day by day, and the day's outcomes in one form.
struct SpecialistPages {
    let state: ServerState
    let pages: Pages

    func register(_ web: RouterGroup<AppContext>) {
        web.get("my-week", use: week)
        web.post("my-week/outcomes", use: record)
    }

    @Sendable func week(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller(), week = try WeekChoice(request, today: state.today())
        var values = week.values
        do {
            let view = try TimetableQuery(db: state.db).view(
                week: week.monday, for: caller, specialist: request.uri.queryParameters.get("specialist"), today: state.today())
            values.merge(DayByDay(view.rows, today: state.today()).values) { a, _ in a }
        } catch StoreError.notFound(let message, _) {
            values["empty"] = message
        }
        if let n = request.uri.queryParameters.get("recorded") { values["notice"] = "Saved: \(n) outcome\(n == "1" ? "" : "s") recorded." }
        return pages.render("my-week", title: "My week, \(week.title)", values, context: context)
    }

    @Sendable func record(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller(), form = try await WebForm.read(request, context)
        guard let day = form.value("date").flatMap(CalendarDate.init) else { throw InputError(field: "date", problem: "choose the day") }
        let entries = try form.fields.compactMap { key, value -> OutcomeEntry? in
            guard key.hasPrefix("outcome-"), !value.isEmpty, let id = Int64(key.dropFirst("outcome-".count)) else { return nil }
            return OutcomeEntry(referral: id, outcome: try OutcomeEntry.outcome(value, field: key))
        }
        guard !entries.isEmpty else { throw InputError(field: "outcomes", problem: "choose an outcome for at least one session") }
        let recording = SessionRecording(db: state.db, config: state.config), today = state.today(), stamp = Stamp(actor: caller.actor)
        let done = try await DatabaseWork.run { try recording.record(day: day, entries, by: caller, today: today, stamp: stamp) }
        state.waiting.invalidate()
        return Response.redirect(to: "/my-week?week=\(day.monday)&recorded=\(done.count)", type: .normal)
    }
}
