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
    func values(_ form: ReferralForm?, error: String? = nil) -> [String: Any] {
        let chosen = Set(form?.flags ?? [])
        let days = Set(form?.preferredDays ?? [])
        var v: [String: Any] = [
            "services": config.services.map { s in ["code": s.code, "name": s.name, "selected": form?.service == s.code] },
            "areas": Self.areas.map { a in ["code": a.0.rawValue, "name": a.1, "selected": form?.area == a.0.rawValue] },
            "flags": Self.flags.map { f in ["code": f.0, "name": f.1, "checked": chosen.contains(f.0)] },
            "days": [Weekday.mon, .tue, .wed, .thu, .fri].map { d in
                ["code": d.rawValue, "name": d.displayName, "checked": days.contains(d.rawValue)]
            },
            "thresholds": thresholds, "consentChecked": form?.consent == "yes",
        ]
        for key in ["pupil_ref", "year_group", "severity", "apdr_cycles", "reason"] { v[key] = form?.text(key) ?? "" }
        if let error { v["error"] = error }
        return v
    }

    /// Each service's threshold in a sentence.
    var thresholds: [[String: String]] {
        config.services.map { s in
            let target = Spoken.targets(s, config)
            return [
                "name": "\(s.name) (\(s.code))",
                "rule":
                    "accepted with a score of \(s.threshold) or more and at least \(s.apdrCycles) assess-plan-do-review cycle\(s.apdrCycles == 1 ? "" : "s"), with consent. Severity counts \(Self.points(config.weights.severity)) points a level; \(ReferralFlag.allCases.map { "\($0.words) \(Self.points(config.weights[$0]))" }.joined(separator: ", ")). Target waits by band: \(target).",
            ]
        }
    }

    static func points(_ x: Double) -> String { Spoken.points(x) }
}

/// A referral's story for its page: what was asked, the decision, its place and likely first
/// visit, and every change of status.
struct ReferralStory {
    let values: [String: Any]

    init(_ r: Referral, place: WaitingEntry?, history: [StatusEntry], today: CalendarDate, config: TrustConfig) {
        let q = r.request
        var v: [String: Any] = [
            "id": r.id, "pupil": q.pupilRef, "year": q.yearGroup, "school": q.school, "service": q.service,
            "asked": config.service(q.service)?.words(pathway: r.pathway) ?? "\(q.service), \(r.pathway)", "area": q.area.words,
            "severity": q.severity,
            "flags": q.flags.names.map { n in ReferralFormPage.flags.first { $0.0 == n }?.1 ?? n }.joined(separator: "; "),
            "received": Spoken.date(q.receivedOn, today: today), "status": Spoken.status(r.status), "band": r.band,
            "declined": r.status == .declined, "reasons": r.declineReasons,
            "history": history.reversed().map { h in
                ["when": String(h.at.prefix(16)).replacingOccurrences(of: "T", with: " "), "to": Spoken.status(h.to), "note": h.note]
            },
        ]
        if let place {
            var waiting: [String: Any] = [
                "position": place.position, "band": place.band, "weeks": place.weeksWaited,
                "firstWeek": place.estimatedFirstWeek.map { "the week of \(Spoken.date($0, today: today))" }
                    ?? "not yet known: the list is longer than the capacity we can see",
            ]
            waiting["warning"] = place.deadlineWarning
            if place.willMissTarget, let due = place.targetDate ?? place.statutoryDeadline {
                waiting["lateWarning"] =
                    "This is later than the target for a \(r.band) referral: seen by \(Spoken.date(due, today: today)). The trust's leaders see this on their waiting list and can book it sooner."
            }
            v["waiting"] = waiting
        }
        let actions = ReferralLifecycle.Change.allCases.filter { StatusChange.allowed[r.status]?.contains($0.target) == true }
        v["actions"] = actions.map { c in ["change": c.rawValue, "label": ReferralStory.label(c)] }
        v["hasActions"] = !actions.isEmpty
        values = v
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
