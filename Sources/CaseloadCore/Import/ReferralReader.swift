/// Reads referral requests (a SENCO's form, a CSV of them, an API body) with the same rules:
/// every error names the field; a pupil is identified only by the school's own reference.
public enum ReferralReader {
    /// Reads one request; `today` is used when no `received_on` is given.
    public static func request(_ value: JSONValue, today: CalendarDate) throws(InputError) -> ReferralRequest {
        let f = try JSONFields(value, path: "")
        let area = try f.string("area")
        guard let need = AreaOfNeed(rawValue: area) else {
            throw f.error("area", "\"\(area)\" is not an area of need; use one of \(AreaOfNeed.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let flags = Set(try f.flexibleList("flags"))
        let known = ["ehc_plan", "ehc_needs_assessment", "exclusion_risk", "looked_after", "safeguarding"]
        if let odd = flags.first(where: { !known.contains($0) }) {
            throw f.error("flags", "\"\(odd)\" is not a flag; use any of \(known.joined(separator: ", "))")
        }
        return ReferralRequest(
            school: try f.string("school"), pupilRef: try pupilRef(f),
            yearGroup: try required(f.flexibleInt("year_group", in: 0...14), f, "year_group"),
            service: try f.string("service").uppercased(), pathway: try f.optionalString("pathway"), area: need,
            severity: try required(f.flexibleInt("severity", in: 1...5), f, "severity"),
            flags: ReferralFlags(ehcPlan: flags.contains("ehc_plan"), ehcNeedsAssessment: flags.contains("ehc_needs_assessment"),
                                 exclusionRisk: flags.contains("exclusion_risk"), lookedAfter: flags.contains("looked_after"),
                                 safeguarding: flags.contains("safeguarding")),
            apdrCycles: try f.flexibleInt("apdr_cycles", in: 0...20) ?? 0,
            consent: try required(f.flexibleBool("consent"), f, "consent"), preferredDays: try f.flexibleDays("preferred_days"),
            reason: try reason(f), receivedOn: try receivedOn(f, today))
    }

    /// Requests from CSV-like rows, with one problem per bad row naming its line and field.
    public static func read(_ rows: [(line: Int, value: JSONValue)], today: CalendarDate) -> (requests: [ReferralRequest], problems: [String]) {
        var requests: [ReferralRequest] = [], problems: [String] = []
        for (line, value) in rows {
            do { requests.append(try request(value, today: today)) } catch { problems.append("line \(line): \(error.description)") }
        }
        return (requests, problems)
    }

    static func required<T>(_ value: T?, _ f: JSONFields, _ key: String) throws(InputError) -> T {
        guard let value else { throw f.error(key, "is required but missing") }
        return value
    }

    /// The school's own reference: letters, digits, `-`, `_` or `/`, up to 24, with at least one digit,
    /// so that a name cannot be stored by mistake.
    static func pupilRef(_ f: JSONFields) throws(InputError) -> String {
        let ref = try f.string("pupil_ref")
        let allowed = ref.unicodeScalars.allSatisfy { CharacterSet.refCharacters.contains($0) }
        guard (1...24).contains(ref.count), allowed, ref.contains(where: \.isNumber) else {
            throw f.error("pupil_ref", "must be the school's own pupil reference (letters, digits, - _ /, at least one digit, up to 24), never a name")
        }
        return ref
    }

    static func reason(_ f: JSONFields) throws(InputError) -> String {
        let text = try f.optionalString("reason") ?? ""
        guard text.count <= 500 else { throw f.error("reason", "is \(text.count) characters; keep it under 500 and leave out names") }
        return text
    }

    static func receivedOn(_ f: JSONFields, _ today: CalendarDate) throws(InputError) -> CalendarDate {
        guard let text = try f.optionalString("received_on") else { return today }
        guard let date = CalendarDate(text) else { throw f.error("received_on", "\"\(text)\" is not a date; write YYYY-MM-DD") }
        guard date <= today else { throw f.error("received_on", "\(text) is in the future") }
        return date
    }
}

import Foundation

extension CharacterSet {
    static let refCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_/"))
}
