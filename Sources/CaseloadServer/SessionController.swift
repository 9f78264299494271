import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Hummingbird

/// `/v1/sessions/{date}`: a specialist records the day's outcomes in one request, and corrects a
/// wrong one; a leader may do both for anyone. Each outcome counts on the session's own date.
struct SessionController {
    let state: ServerState

    struct RecordedDTO: ResponseEncodable { var date: String, recorded: Int }
    struct CorrectedDTO: ResponseEncodable { var date: String, referral: Int64, outcome: String }

    func register(_ group: RouterGroup<AppContext>) {
        group.post("sessions/:date/outcomes", use: record)
        group.post("sessions/:date/correction", use: correct)
    }

    /// Body: `{"outcomes": [{"referral": 12, "outcome": "delivered"}, …]}`; all or nothing.
    @Sendable func record(_ request: Request, context: AppContext) async throws -> RecordedDTO {
        let (caller, day) = try (context.caller(), date(context))
        let body = try JSONFields(try await JSONBody.object(request, context).value, path: "")
        try body.onlyKeys(["outcomes"])
        let entries = try body.array("outcomes").enumerated().map { i, value throws(InputError) in
            let f = try JSONFields(value, path: "outcomes[\(i)]")
            try f.onlyKeys(["referral", "outcome"])
            return OutcomeEntry(
                referral: Int64(try f.int("referral", in: 1...Int.max)),
                outcome: try OutcomeEntry.outcome(try f.string("outcome"), field: "outcomes[\(i)].outcome"))
        }
        let recording = SessionRecording(db: state.db, config: state.config)
        let today = state.today()
        let stamp = Stamp(actor: caller.actor)
        let done = try await DatabaseWork.run { try recording.record(day: day, entries, by: caller, today: today, stamp: stamp) }
        return RecordedDTO(date: day.description, recorded: done.count)
    }

    /// Body: `{"referral": 12, "outcome": "pupil_absent", "reason": "…"}`.
    @Sendable func correct(_ request: Request, context: AppContext) async throws -> CorrectedDTO {
        let (caller, day) = try (context.caller(), date(context))
        let body = try JSONFields(try await JSONBody.object(request, context).value, path: "")
        try body.onlyKeys(["referral", "outcome", "reason"])
        let id = Int64(try body.int("referral", in: 1...Int.max))
        let outcome = try OutcomeEntry.outcome(try body.string("outcome"), field: "outcome")
        let reason = try body.string("reason")
        let recording = SessionRecording(db: state.db, config: state.config)
        let stamp = Stamp(actor: caller.actor)
        try await DatabaseWork.run { try recording.correct(day: day, referral: id, to: outcome, reason: reason, by: caller, stamp: stamp) }
        return CorrectedDTO(date: day.description, referral: id, outcome: outcome.rawValue)
    }

    func date(_ context: AppContext) throws -> CalendarDate {
        let text = context.parameters.get("date") ?? ""
        do { return try Day.date(text, field: "date", what: "the sessions' day") } catch {
            throw Problem(.badRequest, error.problem, field: "date")
        }
    }
}
