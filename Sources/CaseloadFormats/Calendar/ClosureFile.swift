import CaseloadCore
import Foundation

/// Reads closures as local authorities and schools publish them: a CSV (`from,to,reason`, with an
/// optional `urn` column for one school's days; `date` may stand for a single day) or an
/// iCalendar file of all-day events (`SUMMARY` is the reason; `DTEND` is the day after the last,
/// as RFC 5545 says). Events that mark a term's first or last day are not closures and are left out.
public enum ClosureFile {
    /// The closures read, every bad row or event with its line and why, and the events left out as not closures.
    public struct Result: Sendable {
        public var closures: [Closure] = []
        public var problems: [String] = []
        public var notClosures: [String] = []
    }

    /// Parses `text`, giving every closure to `school` when set (else each CSV row's `urn`, or the trust).
    public static func read(_ text: String, school: String? = nil) -> Result {
        text.contains("BEGIN:VCALENDAR") ? ics(text, school: school) : csv(text, school: school)
    }

    static func csv(_ text: String, school: String?) -> Result {
        let table = CSVTable(text)
        var out = Result()
        let has = Set(table.header)
        guard has.contains("reason"), has.contains("from") || has.contains("date") else {
            out.problems.append(
                "line 1: the header needs from,to,reason (or date,reason), optionally urn; found \(table.header.joined(separator: ","))")
            return out
        }
        for row in table.rows {
            let start = table.value("from", in: row.fields) ?? table.value("date", in: row.fields) ?? ""
            let end = table.value("to", in: row.fields) ?? start
            guard let from = CalendarDate(start), let to = CalendarDate(end) else {
                out.problems.append(
                    "line \(row.line): " + Day.problem(CalendarDate(start) == nil ? start : end, what: "the first and last day closed"))
                continue
            }
            let c = Closure(
                from: from, to: to, reason: table.value("reason", in: row.fields) ?? "", school: school ?? table.value("urn", in: row.fields))
            if let problem = Closure.problem(c) { out.problems.append("line \(row.line): the closure \(problem)") } else { out.closures.append(c) }
        }
        return out
    }

    static func ics(_ text: String, school: String?) -> Result {
        var out = Result()
        var event: [String: String]? = nil
        var startLine = 0
        for (n, line) in unfold(text) {
            if line == "BEGIN:VEVENT" {
                event = [:]
                startLine = n
                continue
            }
            if line == "END:VEVENT", let e = event {
                add(e, line: startLine, school: school, to: &out)
                event = nil
                continue
            }
            guard event != nil, let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].split(separator: ";")[0].uppercased()
            event?[name] = String(line[line.index(after: colon)...])
        }
        return out
    }

    static func add(_ e: [String: String], line: Int, school: String?, to out: inout Result) {
        let summary = unescape(e["SUMMARY"] ?? "")
        if marksTermDay(summary) {
            out.notClosures.append("line \(line): \(summary)")
            return
        }
        guard let from = e["DTSTART"].flatMap(date) else {
            out.problems.append("line \(line): the event \"\(summary.prefix(40))\" has no DTSTART date")
            return
        }
        // An all-day DTEND is exclusive; a missing one means the one day.
        let to = e["DTEND"].flatMap(date).map { e["DTEND"]!.count == 8 ? $0.adding(days: -1) : $0 } ?? from
        let c = Closure(from: from, to: max(from, to), reason: summary, school: school)
        if let problem = Closure.problem(c) { out.problems.append("line \(line): the closure \(problem)") } else { out.closures.append(c) }
    }

    /// "Autumn term starts", "First day of term", "Last day of summer term": dates, not closures.
    static func marksTermDay(_ s: String) -> Bool {
        let t = s.lowercased()
        return t.contains("term") && ["start", "begin", "first day", "last day", "end", "finish", "open"].contains { t.contains($0) }
    }

    /// `20261221` or `20261221T090000Z` → 2026-12-21.
    static func date(_ value: String) -> CalendarDate? {
        let digits = value.prefix(8)
        guard digits.count == 8 else { return nil }
        return CalendarDate("\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))")
    }

    /// Lines with RFC 5545 folding undone, each with its first line number.
    static func unfold(_ text: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !out.isEmpty {
                out[out.count - 1].1 += line.dropFirst()
            } else {
                out.append((i + 1, line))
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\;", with: ";")
            .replacingOccurrences(of: "\\n", with: " ").replacingOccurrences(of: "\\N", with: " ").replacingOccurrences(of: "\\\\", with: "\\")
    }
}
