import CaseloadCore
import CaseloadService
import CaseloadStore
import Hummingbird

/// `GET /audit`: the audit log for a trust leader, newest first, a hundred at a time, optionally
/// of one kind of thing; "Older" pages on by entry number.
struct AuditPage {
    let state: ServerState
    let pages: Pages

    @Sendable func page(_ request: Request, context: AppContext) async throws -> Response {
        let caller = try context.caller()
        let query = request.uri.queryParameters
        let trail = AuditTrail(db: state.db)
        let kinds = try trail.entities(by: caller)
        let kind = query.get("entity").flatMap { kinds.contains($0) ? $0 : nil }
        let before = query.get("before", as: Int64.self)
        let entries = try trail.page(before: before, entity: kind, limit: 100, by: caller)
        let page = AuditLogPage(
            kinds: kinds.map { .init(name: $0, words: AuditPage.kind($0), current: $0 == kind) }, entries: entries.map(AuditPage.row),
            newer: before != nil,
            entity: kind, older: entries.count == 100 ? entries.last?.id : nil)
        return pages.render(page, title: "Audit log\(kind.map { ": \($0)" } ?? "")", context: context)
    }

    static func row(_ e: AuditEntry) -> AuditLogPage.Entry {
        let said = AuditSentence(e)
        return AuditLogPage.Entry(id: e.id ?? 0, when: said.when, sentence: said.sentence, details: said.details)
    }

    /// A kind of thing in the log, in words ("Referrals").
    static func kind(_ entity: String) -> String {
        [
            "referral": "Referrals", "timetable": "Weeks", "specialist": "Specialists", "school": "Schools", "closure": "Closures",
            "person": "People", "token": "Access keys", "calendar_feed": "Calendar addresses", "config": "Settings",
        ][entity] ?? entity.replacingOccurrences(of: "_", with: " ").capitalized
    }
}
