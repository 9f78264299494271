import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation

/// The request-for-time form: its fields as the API's (so one reader judges both), help on each,
/// and the trust's thresholds explained.
struct ReferralFormPage {
    let config: TrustConfig

    static let areas = AreaOfNeed.allCases.map { ($0, $0.words) }
    static let flags = ReferralFlag.allCases.map { ($0.rawValue, $0.words.prefix(1).uppercased() + $0.words.dropFirst()) }
    static let labels = [
        "pupil_ref": "Pupil reference", "year_group": "Year group", "service": "Service", "area": "Area of need", "severity": "How severe",
        "apdr_cycles": "Assess-plan-do-review cycles", "consent": "Consent", "flags": "Circumstances", "preferred_days": "Days that suit",
        "reason": "Reason", "school": "School",
    ]

    /// The field's label as the form shows it.
    static func label(_ field: String) -> String { labels[field] ?? field }

    /// The fields as the API takes them; numbers that are not numbers go as text so the reader
    /// names the field.
    func fields(_ form: ReferralForm) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        for key in ["pupil_ref", "service", "area", "reason", "school"] { if let v = form.text(key) { out.append((key, .string(v))) } }
        for key in ["year_group", "severity", "apdr_cycles"] {
            if let v = form.text(key) { out.append((key, Int(v).map { .number(Double($0)) } ?? .string(v))) }
        }
        out.append(("consent", .bool(form.consent == "yes")))
        out.append(("flags", .array((form.flags ?? []).map(JSONValue.string))))
        let days = form.preferredDays ?? []
        if !days.isEmpty { out.append(("preferred_days", .array(days.map(JSONValue.string)))) }
        return out
    }

    /// The page's values, with what was typed kept and the error shown.
    func values(_ form: ReferralForm?, error: String? = nil, schools: [(urn: String, name: String)] = []) -> ReferralFormModel {
        let chosen = Set(form?.flags ?? [])
        let days = Set(form?.preferredDays ?? [])
        let typed = { (key: String) in form?.text(key) ?? "" }
        var model = ReferralFormModel(
            services: config.services.map { s in .init(code: s.code, name: s.name, selected: form?.service == s.code) },
            areas: Self.areas.map { a in .init(code: a.0.rawValue, name: a.1, selected: form?.area == a.0.rawValue) },
            flags: Self.flags.map { f in .init(code: f.0, name: f.1, checked: chosen.contains(f.0)) },
            days: [Weekday.mon, .tue, .wed, .thu, .fri].map { d in .init(code: d.rawValue, name: d.displayName, checked: days.contains(d.rawValue)) },
            thresholds: thresholds, consentChecked: form?.consent == "yes", pupilRef: typed("pupil_ref"), yearGroup: typed("year_group"),
            severity: typed("severity"), apdrCycles: typed("apdr_cycles"), reason: typed("reason"), error: error)
        model.schools = schools.map { .init(code: $0.urn, name: $0.name, selected: form?.school == $0.urn) }
        return model
    }

    /// Each service's threshold in a sentence.
    var thresholds: [ReferralFormModel.Rule] {
        config.services.map { s in
            let target = Spoken.targets(s, config)
            return ReferralFormModel.Rule(
                name: "\(s.name) (\(s.code))",
                rule:
                    "accepted with a score of \(s.threshold) or more and at least \(s.apdrCycles) assess-plan-do-review cycle\(s.apdrCycles == 1 ? "" : "s"), with consent. Severity counts \(Self.points(config.weights.severity)) points a level; \(ReferralFlag.allCases.map { "\($0.words) \(Self.points(config.weights[$0]))" }.joined(separator: ", ")). Target waits by band: \(target)."
            )
        }
    }

    static func points(_ x: Double) -> String { Spoken.points(x) }
}

/// A referral's story for its page: what was asked, the decision, its place and likely first
/// visit, and every change of status.
enum ReferralStory {
    /// The story of `r` for its page.
    static func page(_ r: Referral, place: WaitingEntry?, history: [StatusEntry], today: CalendarDate, config: TrustConfig) -> ReferralStoryPage {
        let q = r.request
        let actions = ReferralLifecycle.Change.allCases.filter { StatusChange.allowed[r.status]?.contains($0.target) == true }
        return ReferralStoryPage(
            id: r.id, pupil: q.pupilRef, year: q.yearGroup, school: q.school, service: q.service,
            asked: config.service(q.service)?.words(pathway: r.pathway) ?? "\(q.service), \(r.pathway)", area: q.area.words,
            severity: q.severity, flags: q.flags.names.map { n in ReferralFormPage.flags.first { $0.0 == n }?.1 ?? n }.joined(separator: "; "),
            received: Spoken.date(q.receivedOn, today: today), status: Spoken.status(r.status), band: r.band,
            declined: r.status == .declined, reasons: r.declineReasons,
            history: history.reversed().map { h in
                .init(when: String(h.at.prefix(16)).replacingOccurrences(of: "T", with: " "), to: Spoken.status(h.to), note: h.note)
            },
            waiting: place.map { waiting($0, r, today: today) },
            actions: actions.map { c in .init(change: c.rawValue, label: label(c)) }, hasActions: !actions.isEmpty)
    }

    /// Its place on the list, and a warning when it will be seen after its target.
    static func waiting(_ place: WaitingEntry, _ r: Referral, today: CalendarDate) -> ReferralStoryPage.Waiting {
        var late: String?
        if place.willMissTarget, let due = place.targetDate ?? place.statutoryDeadline {
            late =
                "This is later than the target for a \(r.band) referral: seen by \(Spoken.date(due, today: today)). The trust's leaders see this on their waiting list and can book it sooner."
        }
        return ReferralStoryPage.Waiting(
            position: place.position, band: place.band, weeks: place.weeksWaited,
            firstWeek: place.estimatedFirstWeek.map { "the week of \(Spoken.date($0, today: today))" }
                ?? "not yet known: the list is longer than the capacity we can see",
            warning: place.deadlineWarning, lateWarning: late)
    }

    static func label(_ c: ReferralLifecycle.Change) -> String {
        switch c {
        case .withdraw: "Withdraw (no longer needed)"
        case .hold: "Put on hold (keeps its waiting time)"
        case .reopen: "Put back on the waiting list"
        case .complete: "Mark as finished"
        }
    }
}
