import CaseloadCore
import CaseloadService

/// A settings preview as the page shows it: per service, the threshold before and after, who
/// on the list would no longer qualify (and why), who would move and how far, and breaches.
enum SettingsPreviewValues {
    /// How many moves and failing referrals a service lists by name (the counts are whole).
    static let shown = 25

    static func values(_ p: SettingsPreview, today: CalendarDate) -> [String: Any] {
        [
            "services": p.services.map { service($0, today: today) },
            "dropped": p.dropped.map { ["code": $0.code, "waiting": $0.waiting] },
            "changes": p.services.contains { !$0.moves.isEmpty || !$0.noLongerQualify.isEmpty || $0.threshold.before != $0.threshold.after },
        ]
    }

    static func service(_ s: SettingsPreview.Service, today: CalendarDate) -> [String: Any] {
        [
            "code": s.code, "name": s.name, "waiting": s.waiting,
            "before": s.threshold.before.map(String.init) ?? "not run", "after": s.threshold.after.map(String.init) ?? "not run",
            "failing": s.noLongerQualify.count, "up": s.up, "down": s.down,
            "breachesBefore": s.breaches.before, "breachesAfter": s.breaches.after,
            "failingRows": s.noLongerQualify.prefix(shown).map { e, reasons in
                row(e, today: today).merging(["reasons": reasons.joined(separator: "; ")]) { a, _ in a }
            },
            "moveRows": s.moves.prefix(shown).map { e, from, to in
                row(e, today: today).merging(["from": from, "to": to, "direction": to < from ? "up" : "down"]) { a, _ in a }
            },
        ].merging(more(s)) { a, _ in a }
    }

    /// Whether there are rows to list, and how many more there are than the page lists (each
    /// only when there are: a template section shows for any number, even 0).
    static func more(_ s: SettingsPreview.Service) -> [String: Any] {
        var out: [String: Any] = ["hasFailing": !s.noLongerQualify.isEmpty, "hasMoves": !s.moves.isEmpty, "shown": shown]
        if s.noLongerQualify.count > shown { out["moreFailing"] = s.noLongerQualify.count - shown }
        if s.moves.count > shown { out["moreMoves"] = s.moves.count - shown }
        return out
    }

    static func row(_ e: WaitingEntry, today: CalendarDate) -> [String: Any] {
        let r = e.referral
        return [
            "id": r.id, "school": r.request.school, "pupil": r.request.pupilRef, "priority": e.priority, "band": e.band,
            "since": Spoken.date(r.request.receivedOn, today: today),
        ]
    }
}
