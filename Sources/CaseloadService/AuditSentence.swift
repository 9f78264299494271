import CaseloadCore
import CaseloadStore
import Foundation

/// An audit entry as a person reads it: "Jane Smith put referral 1001 on hold", with its details
/// in words ("note: moved school") rather than JSON, and its time on the trust's clock.
public struct AuditSentence: Sendable, Equatable {
    /// Who did what to what.
    public var sentence: String
    /// The details, each "key: value", in the order written.
    public var details: String
    /// When, on the trust's clock ("Mon 30 Nov 2026 14:05").
    public var when: String

    /// `entry` in words.
    public init(_ entry: AuditEntry) {
        let detail = AuditSentence.fields(entry.detail)
        sentence = "\(AuditSentence.who(entry.actor)) \(AuditSentence.did(entry, detail))"
        details = detail.filter { !["from", "to"].contains($0.key) || entry.action != "status" }
            .map { "\($0.key.replacingOccurrences(of: "_", with: " ")): \($0.value)" }.joined(separator: "; ")
        when = AuditSentence.when(entry.at)
    }

    /// The actor as a name: "Jane Smith" from "Jane Smith (person 4), sign-in with Microsoft".
    static func who(_ actor: String) -> String {
        if actor.hasPrefix("job ") { return "The scheduled job \"\(JobsRule.title(String(actor.dropFirst(4))))\"" }
        if actor.hasPrefix("integration ") { return "The " + (actor.split(separator: ",").first.map(String.init) ?? actor) }
        if let paren = actor.range(of: " (person ") { return String(actor[..<paren.lowerBound]) }
        if actor.hasPrefix("token:") { return "An access key (\(actor.dropFirst(6)))" }
        return ["cli": "The operator, at the command line", "caseload": "Caseload", "test": "A test"][actor] ?? actor
    }

    /// What was done, to what.
    static func did(_ e: AuditEntry, _ d: [(key: String, value: String)]) -> String {
        let id = e.entityId
        let value = { (k: String) in d.first { $0.key == k }?.value }
        let week = CalendarDate(id).map { "the week of \(Notice.day($0)) \($0.year)" } ?? "the week of \(id)"
        switch (e.entity, e.action) {
        case ("referral", "create"), ("referral", "submit"): return "sent referral \(id)"
        case ("referral", "status"):
            let to = value("to").flatMap(ReferralStatus.init(rawValue:))?.words ?? value("to") ?? "a new status"
            return "moved referral \(id) to \"\(to)\""
        case ("referral", "update"): return "corrected referral \(id)"
        case ("referral", "session"): return "recorded a session of referral \(id)"
        case ("referral", "correct_session"): return "corrected a session of referral \(id)"
        case ("referral", "session_note"): return "wrote a note on a session of referral \(id)"
        case ("referral", "override"): return "put referral \(id) first"
        case ("referral", "override_cleared"): return "removed referral \(id)'s place first"
        case ("referral", "import_existing_list"): return "moved the existing waiting list in"
        case ("timetable", "publish"): return "published \(week)"
        case ("timetable", "replan"): return "re-planned \(week)"
        case ("timetable", "generate"), ("timetable", "plan"): return "planned \(week)"
        case ("timetable", "hold"): return "held \(week) back from automatic publishing"
        case ("timetable", "release"): return "let \(week) be published automatically"
        case ("timetable", "approve_short_notice"): return "allowed bookings at short notice in \(week)"
        case ("specialist", "leave"): return "recorded an absence for specialist \(id)"
        case ("specialist", "correct_leave"): return "corrected an absence of specialist \(id)"
        case ("specialist", "withdraw_leave"): return "withdrew an absence of specialist \(id)"
        case ("person", "create"): return "added person \(id)"
        case ("person", "change"): return "changed person \(id)'s details or roles"
        case ("person", "disable"): return "switched off person \(id)"
        case ("person", "enable"): return "switched person \(id) back on"
        case ("person", "signin"): return "signed in"
        case ("person", "link"): return "linked a sign-in account to person \(id)"
        case ("token", "create"): return "made access key \(id)"
        case ("token", "revoke"): return "revoked access key \(id)"
        case ("calendar_feed", "create"): return "made calendar address \(id)"
        case ("calendar_feed", "revoke"): return "revoked calendar address \(id)"
        case ("config", "update"): return "changed the trust's settings"
        case ("school", "erase_pupil"): return "erased a pupil's records at school \(id)"
        case ("closure", "close"): return "added closure \(id)"
        case ("closure", let a): return "\(words(a)) closure \(id)"
        default: return "\(words(e.action)) \(words(e.entity)) \(id)".trimmingCharacters(in: .whitespaces)
        }
    }

    static func words(_ code: String) -> String { code.replacingOccurrences(of: "_", with: " ") }

    /// The detail's fields in the order written (a value that is not text is shown as JSON).
    static func fields(_ json: String) -> [(key: String, value: String)] {
        guard let value = try? JSONValue.parse(Data(json.utf8), what: "detail") else { return json == "{}" ? [] : [("detail", json)] }
        let pairs: [(String, JSONValue)]
        switch value {
        case .object(let o): pairs = o.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        case .orderedObject(let p): pairs = p
        default: return [("detail", json)]
        }
        return pairs.compactMap { k, v in
            switch v {
            case .string(let s): s.isEmpty ? nil : (k, s)
            case .number(let n): (k, n == n.rounded() ? "\(Int(n))" : "\(n)")
            case .bool(let b): (k, b ? "yes" : "no")
            case .null: nil
            default: (k, "…")
            }
        }
    }

    /// An ISO 8601 time on the trust's clock, as the pages write dates.
    static func when(_ iso: String) -> String {
        guard let date = try? Date(iso, strategy: .iso8601) else { return iso }
        let m = Moment.london(date)
        return "\(Notice.day(m.date)) \(m.date.year) \(ClockTime(minutes: m.minutes))"
    }
}
