import CaseloadCore
import Foundation

/// Who may date a referral's receipt before today, and how far back.
public enum ReceiptDating: Sendable, Equatable {
    /// The day it arrives (a SENCO's submission): `received_on` is refused.
    case today
    /// A paper referral entered by a leader or an import: up to this many weeks back.
    case upTo(weeks: Int)
    /// Any past date (moving an existing waiting list into Caseload, the demo's history).
    case anyPast
}

/// Reads referral requests (a SENCO's form, a CSV of them, an API body) with the same rules:
/// every error names the field; a pupil is identified only by the school's own reference.
public enum ReferralReader {
    /// Every field a request may carry; any other is refused by name (a typo never drops a flag).
    public static let fields = [
        "school", "pupil_ref", "year_group", "service", "pathway", "area", "severity", "flags", "apdr_cycles",
        "consent", "preferred_days", "days_only", "skill", "reason", "received_on",
    ]

    /// Reads one request; `today` is used when no `received_on` is given, and `dating` says how
    /// far back a given one may be.
    public static func request(_ value: JSONValue, today: CalendarDate, dating: ReceiptDating = .today) throws(InputError) -> ReferralRequest {
        let f = try JSONFields(value, path: "")
        try f.onlyKeys(fields)
        let need = try area(f)
        let flags = try flags(f)
        var request = ReferralRequest(
            school: try f.string("school"), pupilRef: try pupilRef(f),
            yearGroup: try required(f.flexibleInt("year_group", in: 0...14), f, "year_group"),
            service: try f.string("service").uppercased(), pathway: try f.optionalString("pathway"), area: need,
            severity: try required(f.flexibleInt("severity", in: 1...5), f, "severity"),
            flags: flags,
            apdrCycles: try f.flexibleInt("apdr_cycles", in: 0...20) ?? 0,
            consent: try required(f.flexibleBool("consent"), f, "consent"), preferredDays: try f.flexibleDays("preferred_days"),
            reason: try reason(f), receivedOn: try receivedOn(f, today, dating))
        request.daysOnly = try f.flexibleBool("days_only") ?? false
        request.skill = try skill(f)
        if request.daysOnly, request.preferredDays.isEmpty {
            throw f.error("days_only", "says the preferred days are the only days possible, but preferred_days is empty; name the days")
        }
        return request
    }

    /// Every problem with `value` as a request, each naming its field, so that a form shows them
    /// all at once; empty when `request` would read it.
    public static func problems(_ value: JSONValue, today: CalendarDate, dating: ReceiptDating = .today) -> [InputError] {
        let f: JSONFields
        do { f = try JSONFields(value, path: "") } catch { return [error] }
        let checks: [() throws -> Void] = [
            { try f.onlyKeys(fields) }, { _ = try f.string("school") }, { _ = try pupilRef(f) },
            { _ = try required(f.flexibleInt("year_group", in: 0...14), f, "year_group") }, { _ = try f.string("service") },
            { _ = try f.optionalString("pathway") }, { _ = try area(f) }, { _ = try required(f.flexibleInt("severity", in: 1...5), f, "severity") },
            { _ = try flags(f) }, { _ = try f.flexibleInt("apdr_cycles", in: 0...20) }, { _ = try f.flexibleDays("preferred_days") },
            { _ = try f.flexibleBool("days_only") }, { _ = try skill(f) }, { _ = try reason(f) },
            { _ = try required(f.flexibleBool("consent"), f, "consent") }, { _ = try receivedOn(f, today, dating) },
        ]
        var found: [InputError] = []
        for check in checks {
            do { try check() } catch { found.append(error as? InputError ?? InputError(field: "", problem: "\(error)")) }
        }
        guard found.isEmpty else { return found }
        do { _ = try request(value, today: today, dating: dating) } catch { found.append(error) }  // rules across fields
        return found
    }

    static func area(_ f: JSONFields) throws(InputError) -> AreaOfNeed {
        let area = try f.string("area")
        guard let need = AreaOfNeed(rawValue: area) else {
            throw f.error("area", "\"\(area)\" is not an area of need; use one of \(AreaOfNeed.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return need
    }

    static func flags(_ f: JSONFields) throws(InputError) -> ReferralFlags {
        let names = try f.flexibleList("flags")
        guard let flags = ReferralFlags(names: names) else {
            let odd = names.first { ReferralFlag(rawValue: $0) == nil } ?? ""
            throw f.error("flags", "\"\(odd)\" is not a flag; use any of \(ReferralFlag.namesList)")
        }
        return flags
    }

    /// The fields of `r` as a request object, so that an update can be read with the same rules.
    public static func object(_ r: ReferralRequest, pathway: String) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [
            ("school", .string(r.school)), ("pupil_ref", .string(r.pupilRef)), ("year_group", .number(Double(r.yearGroup))),
            ("service", .string(r.service)), ("pathway", .string(pathway)), ("area", .string(r.area.rawValue)),
            ("severity", .number(Double(r.severity))), ("flags", .array(r.flags.names.map(JSONValue.string))),
            ("apdr_cycles", .number(Double(r.apdrCycles))), ("consent", .bool(r.consent)),
            ("preferred_days", .array(r.preferredDays.map { .string($0.rawValue) })), ("days_only", .bool(r.daysOnly)),
            ("reason", .string(r.reason)), ("received_on", .string(r.receivedOn.description)),
        ]
        if let skill = r.skill { pairs.append(("skill", .string(skill))) }
        return pairs
    }

    /// Fields of a waiting referral a school may correct, and those it may not (with why).
    public static let updatable = [
        "year_group", "pathway", "area", "severity", "flags", "apdr_cycles", "consent", "preferred_days",
        "days_only", "skill", "reason",
    ]

    /// `r` with the fields in `patch` changed, read with the same rules as a new request; `null`
    /// clears the skill.
    public static func update(_ r: ReferralRequest, pathway: String, with patch: JSONValue) throws(InputError) -> ReferralRequest {
        let p = try JSONFields(patch, path: "")
        for key in p.keys where !updatable.contains(key) {
            if fields.contains(key) {
                throw p.error(
                    key,
                    "cannot be changed on a referral; withdraw it and submit a new one (fields that can change: \(updatable.joined(separator: ", ")))"
                )
            }
            try p.onlyKeys(updatable)
        }
        if p.keys.isEmpty {
            throw InputError(field: "body", problem: "names no field to change; send one or more of \(updatable.joined(separator: ", "))")
        }
        var merged = object(r, pathway: pathway).filter { !p.keys.contains($0.0) }
        for key in p.keys { if let v = p.optional(key) { merged.append((key, v)) } }
        return try request(.orderedObject(merged), today: r.receivedOn, dating: .anyPast)
    }

    /// Requests from CSV-like rows, with one problem per bad row naming its line and field.
    /// `check` refuses a row the trust cannot take (a service it does not run, say).
    public static func read(
        _ rows: [(line: Int, value: JSONValue)], today: CalendarDate, dating: ReceiptDating,
        check: (ReferralRequest) throws(InputError) -> Void = { _ in }
    ) -> (requests: [ReferralRequest], problems: [String]) {
        var requests: [ReferralRequest] = []
        var problems: [String] = []
        for (line, value) in rows {
            do {
                let r = try request(value, today: today, dating: dating)
                try check(r)
                requests.append(r)
            } catch { problems.append("line \(line): \(error.description)") }
        }
        return (requests, problems)
    }

    static func required<T>(_ value: T?, _ f: JSONFields, _ key: String) throws(InputError) -> T {
        guard let value else { throw f.error(key, "is required but missing") }
        return value
    }

    /// The school's own reference: ASCII letters, digits, `-`, `_` or `/`, up to 24, with at least
    /// one ASCII digit, so that a name cannot be stored by mistake.
    static func pupilRef(_ f: JSONFields) throws(InputError) -> String {
        let ref = try f.string("pupil_ref")
        let allowed = ref.unicodeScalars.allSatisfy(isRefCharacter)
        guard (1...24).contains(ref.unicodeScalars.count), allowed, ref.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else {
            throw f.error("pupil_ref", "must be the school's own pupil reference (A-Z, a-z, 0-9, - _ /, at least one digit, up to 24), never a name")
        }
        return ref
    }

    static func isRefCharacter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "/"
    }

    /// A skill the specialist must have, as the roster writes skills (A-Z, 0-9, -, _; up to 32).
    static func skill(_ f: JSONFields) throws(InputError) -> String? {
        guard let text = try f.optionalString("skill")?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard text.unicodeScalars.count <= 32, text.unicodeScalars.allSatisfy({ isRefCharacter($0) && $0 != "/" }) else {
            throw f.error("skill", "must be a skill as the roster writes it (letters, digits, - or _, up to 32), such as ADOS or AAC")
        }
        return text
    }

    static func reason(_ f: JSONFields) throws(InputError) -> String {
        let text = try f.optionalString("reason") ?? ""
        guard text.count <= 500 else { throw f.error("reason", "is \(text.count) characters; keep it under 500 and leave out names") }
        return text
    }

    static func receivedOn(_ f: JSONFields, _ today: CalendarDate, _ dating: ReceiptDating) throws(InputError) -> CalendarDate {
        guard let text = try f.optionalString("received_on") else { return today }
        guard let date = CalendarDate(text) else { throw f.error("received_on", Day.problem(text, what: "the day it was received")) }
        guard date <= today else { throw f.error("received_on", "\(text) is in the future") }
        switch dating {
        case .today where date != today:
            throw f.error("received_on", "is set to the day the referral arrives; a paper referral's earlier date is entered by a trust leader")
        case .upTo(let weeks) where date < today.adding(days: -7 * weeks):
            throw f.error(
                "received_on",
                "\(text) is more than \(weeks) weeks ago; the trust accepts earlier receipt dates up to \(weeks) weeks back (intake.max_backdate_weeks)"
            )
        default: return date
        }
    }
}
