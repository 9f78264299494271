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
        "reason": "Reason", "school": "School", "skill": "Skill", "days_only": "Only these days", "pathway": "Service",
    ]

    /// The field's label as the form shows it.
    static func label(_ field: String) -> String { labels[field] ?? field }

    /// The fields as the API takes them; numbers that are not numbers go as text so the reader
    /// names the field. An unanswered consent is left out, so the reader asks for it.
    func fields(_ form: ReferralForm) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        for key in ["pupil_ref", "service", "area", "reason", "school", "skill"] { if let v = form.text(key) { out.append((key, .string(v))) } }
        for key in ["year_group", "severity", "apdr_cycles"] {
            if let v = form.text(key) { out.append((key, Int(v).map { .number(Double($0)) } ?? .string(v))) }
        }
        if let consent = form.consent.given {
            out.append(("consent", consent == "yes" ? .bool(true) : consent == "no" ? .bool(false) : .string(consent)))
        }
        out.append(("flags", .array((form.flags ?? []).map(JSONValue.string))))
        let days = form.preferredDays ?? []
        if !days.isEmpty { out.append(("preferred_days", .array(days.map(JSONValue.string)))) }
        if form.daysOnly == "yes" { out.append(("days_only", .bool(true))) }
        return out
    }

    /// The page's values, with what was typed kept and every problem shown.
    func values(_ form: ReferralForm?, problems: [InputError] = [], schools: [(urn: String, name: String)] = []) -> ReferralFormModel {
        let chosen = Set(form?.flags ?? [])
        let days = Set(form?.preferredDays ?? [])
        let typed = { (key: String) in form?.text(key) ?? "" }
        let said = problems.map { ReferralFormModel.Problem(field: Self.anchor($0.field), message: Self.message($0)) }
        var model = ReferralFormModel(
            services: config.services.map { s in .init(code: s.code, name: s.name, selected: form?.service == s.code) },
            areas: Self.areas.map { a in .init(code: a.0.rawValue, name: a.1, selected: form?.area == a.0.rawValue) },
            flags: Self.flags.map { f in .init(code: f.0, name: f.1, checked: chosen.contains(f.0)) },
            days: [Weekday.mon, .tue, .wed, .thu, .fri].map { d in .init(code: d.rawValue, name: d.displayName, checked: days.contains(d.rawValue)) },
            years: (0...14).map { y in .init(code: "\(y)", name: Self.year(y), selected: typed("year_group") == "\(y)") },
            severities: Self.severities.enumerated().map { i, words in .init(code: "\(i + 1)", name: words, checked: typed("severity") == "\(i + 1)")
            },
            thresholds: thresholds, consentYes: form?.consent == "yes", consentNo: form?.consent == "no", daysOnly: form?.daysOnly == "yes",
            pupilRef: typed("pupil_ref"), apdrCycles: typed("apdr_cycles"), reason: typed("reason"), skill: typed("skill"),
            problems: said, hasProblems: !said.isEmpty, at: Self.atFields(problems))
        model.schools = schools.map { .init(code: $0.urn, name: $0.name, selected: form?.school == $0.urn) }
        return model
    }

    /// "Reception", "Year 1" … "Year 14".
    static func year(_ y: Int) -> String { y == 0 ? "Reception" : "Year \(y)" }

    /// Severity 1 to 5 in words.
    static let severities = [
        "1: mild, managed in class", "2: needs some extra help in class", "3: moderate, needs regular targeted help",
        "4: marked, needs help every day", "5: severe, cannot access learning without help",
    ]

    /// The id of the control a field's problem links to.
    static func anchor(_ field: String) -> String {
        let root = String(field.split(separator: "[").first ?? Substring(field))
        switch root {
        case "severity": return "severity-1"
        case "flags": return "flag-\(ReferralFlag.allCases[0].rawValue)"
        case "preferred_days", "days_only": return "day-mon"
        case "consent": return "consent-yes"
        case "body", "": return "pupil_ref"
        default: return root
        }
    }

    /// A problem as the form says it: the field's label and what to do (a missing answer asks for it).
    static func message(_ e: InputError) -> String {
        let root = String(e.field.split(separator: "[").first ?? Substring(e.field))
        if e.problem.contains("required but missing") {
            switch root {
            case "consent": return "Choose yes or no: have the parents or carers consented to this referral?"
            case "year_group": return "Choose the pupil's year group"
            case "severity": return "Choose how severe the need is, from 1 to 5"
            default: return "\(label(root)) is needed"
            }
        }
        return "\(label(root)): \(e.problem)"
    }

    /// Each problem at its field.
    static func atFields(_ problems: [InputError]) -> ReferralFormModel.FieldProblems {
        var at = ReferralFormModel.FieldProblems()
        for e in problems {
            let m = message(e)
            switch String(e.field.split(separator: "[").first ?? Substring(e.field)) {
            case "school": at.school = m
            case "pupil_ref": at.pupilRef = m
            case "year_group": at.yearGroup = m
            case "service", "pathway": at.service = m
            case "area": at.area = m
            case "severity": at.severity = m
            case "apdr_cycles": at.apdrCycles = m
            case "flags": at.flags = m
            case "preferred_days", "days_only": at.days = m
            case "skill": at.skill = m
            case "reason": at.reason = m
            case "consent": at.consent = m
            default: at.other = m
            }
        }
        return at
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
                .init(when: Spoken.moment(h.at, today: today), to: Spoken.status(h.to), note: h.note)
            },
            waiting: place.map { waiting($0, r, today: today) },
            actions: actions.map { c in .init(change: c.rawValue, label: label(c), danger: c == .withdraw) }, hasActions: !actions.isEmpty)
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
