import CaseloadCore
import CaseloadService

/// A settings preview as the page shows it: per service, the threshold before and after, who
/// on the list would no longer qualify (and why), who would move and how far, and breaches.
enum SettingsPreviewValues {
    /// How many moves and failing referrals a service lists by name (the counts are whole).
    static let shown = 25

    static func page(_ p: SettingsPreview, today: CalendarDate, yaml: String, base: String) -> SettingsPreviewPage {
        SettingsPreviewPage(
            services: p.services.map { service($0, today: today) }, dropped: p.dropped.map { .init(code: $0.code, waiting: $0.waiting) },
            changes: p.services.contains { !$0.moves.isEmpty || !$0.noLongerQualify.isEmpty || $0.threshold.before != $0.threshold.after },
            yaml: yaml, base: base, weeksMin: TermSimulation.weeksAllowed.lowerBound, weeksMax: TermSimulation.weeksAllowed.upperBound,
            weeksDefault: TermSimulation.defaultWeeks)
    }

    static func service(_ s: SettingsPreview.Service, today: CalendarDate) -> SettingsPreviewPage.Service {
        SettingsPreviewPage.Service(
            code: s.code, name: s.name, waiting: s.waiting, before: s.threshold.before.map(String.init) ?? "not run",
            after: s.threshold.after.map(String.init) ?? "not run", failing: s.noLongerQualify.count, up: s.up, down: s.down,
            breachesBefore: s.breaches.before, breachesAfter: s.breaches.after,
            failingRows: s.noLongerQualify.prefix(shown).map { e, reasons in
                var r = row(e, today: today)
                r.reasons = reasons.joined(separator: "; ")
                return r
            },
            moveRows: s.moves.prefix(shown).map { e, from, to in
                var r = row(e, today: today)
                (r.from, r.to, r.direction) = (from, to, to < from ? "up" : "down")
                return r
            },
            hasFailing: !s.noLongerQualify.isEmpty, hasMoves: !s.moves.isEmpty, shown: shown,
            moreFailing: s.noLongerQualify.count > shown ? s.noLongerQualify.count - shown : nil,
            moreMoves: s.moves.count > shown ? s.moves.count - shown : nil)
    }

    static func row(_ e: WaitingEntry, today: CalendarDate) -> SettingsPreviewPage.Row {
        let r = e.referral
        return SettingsPreviewPage.Row(
            id: r.id, school: r.request.school, pupil: r.request.pupilRef, priority: e.priority, band: e.band,
            since: Spoken.date(r.request.receivedOn, today: today))
    }
}
