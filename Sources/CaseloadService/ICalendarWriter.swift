import CaseloadCore
import CaseloadPlanner
import Foundation

/// Writes a week's timetable as an iCalendar (RFC 5545) file that Outlook and Google Calendar
/// import: one event per school visit with the pupils' references in its description, and each
/// journey as its own event, in Europe/London time.
public struct ICalendarWriter: Sendable {
    public let timetable: [TimetableRow]
    public let scenario: WeekScenario
    /// The file's creation time, `YYYYMMDDTHHMMSSZ`.
    public let stamp: String

    /// A writer for `rows` of the week `scenario` describes.
    public init(rows: [TimetableRow], scenario: WeekScenario, stamp: String) {
        timetable = rows; self.scenario = scenario; self.stamp = stamp
    }

    /// The calendar text, CRLF line ends, long lines folded.
    public var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Caseload//Timetable//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-TIMEZONE:Europe/London"]
        lines += ICalendarWriter.londonTimeZone
        for visit in visits() { lines += travelEvent(visit) + visitEvent(visit) }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarWriter.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Consecutive sessions of one specialist at one school on one day.
    struct Visit { var rows: [TimetableRow]; var travelFrom: GeoPoint?; var travelStart: Int; var travelMinutes: Int }

    func visits() -> [Visit] {
        let model = TravelModel(scenario.travel)
        let schools = Dictionary(uniqueKeysWithValues: scenario.schools.map { ($0.id, $0.location) })
        let bases = Dictionary(uniqueKeysWithValues: scenario.specialists.map { ($0.id, $0) })
        var out: [Visit] = []
        for row in timetable {
            let b = row.booking
            if var last = out.last, last.rows[0].booking.specialist == b.specialist, last.rows[0].booking.day == b.day,
               last.rows[0].booking.school == b.school {
                last.rows.append(row); out[out.count - 1] = last; continue
            }
            let sameDay = out.last.map { $0.rows[0].booking.specialist == b.specialist && $0.rows[0].booking.day == b.day } ?? false
            let from = sameDay ? schools[out.last!.rows[0].booking.school] : bases[b.specialist]?.base
            let leave = sameDay ? out.last!.rows.last!.booking.end.minutes
                : bases[b.specialist]?.days.first { $0.day == b.day }?.start.minutes ?? b.start.minutes
            let minutes = from.flatMap { f in schools[b.school].map { model.minutes(f, $0) } } ?? 0
            out.append(Visit(rows: [row], travelFrom: from, travelStart: leave, travelMinutes: minutes))
        }
        return out
    }

    func visitEvent(_ v: Visit) -> [String] {
        let first = v.rows[0], b = first.booking
        let pupils = v.rows.map { "\($0.pupilRef) (\($0.service) \($0.pathway), session \($0.booking.sessionNumber), \($0.booking.start)-\($0.booking.end))" }
        return ["BEGIN:VEVENT", "UID:visit-\(first.date)-\(b.specialist)-\(b.school)-\(b.start.minutes)@caseload", "DTSTAMP:\(stamp)",
                "DTSTART;TZID=Europe/London:\(ICalendarWriter.local(first.date, b.start.minutes))",
                "DTEND;TZID=Europe/London:\(ICalendarWriter.local(first.date, v.rows.last!.booking.end.minutes))",
                "SUMMARY:" + ICalendarWriter.escape("\(b.specialist) at \(first.schoolName)"),
                "LOCATION:" + ICalendarWriter.escape("\(first.schoolName) (URN \(b.school))"),
                "DESCRIPTION:" + ICalendarWriter.escape("Pupils:\n" + pupils.joined(separator: "\n")),
                "CATEGORIES:VISIT", "END:VEVENT"]
    }

    func travelEvent(_ v: Visit) -> [String] {
        guard v.travelMinutes > 0 else { return [] }
        let first = v.rows[0], b = first.booking
        return ["BEGIN:VEVENT", "UID:travel-\(first.date)-\(b.specialist)-\(b.school)-\(v.travelStart)@caseload", "DTSTAMP:\(stamp)",
                "DTSTART;TZID=Europe/London:\(ICalendarWriter.local(first.date, v.travelStart))",
                "DTEND;TZID=Europe/London:\(ICalendarWriter.local(first.date, v.travelStart + v.travelMinutes))",
                "SUMMARY:" + ICalendarWriter.escape("Travel to \(first.schoolName) (\(v.travelMinutes) min)"),
                "TRANSP:OPAQUE", "CATEGORIES:TRAVEL", "END:VEVENT"]
    }

    /// `YYYYMMDDTHHMMSSZ` for `date` (now by default), as DTSTAMP wants.
    public static func utcStamp(_ date: Date = Date()) -> String {
        date.ISO8601Format().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// `YYYYMMDDTHHMMSS` local time.
    static func local(_ date: CalendarDate, _ minutes: Int) -> String {
        let d = date.description.replacingOccurrences(of: "-", with: "")
        let h = minutes / 60, m = minutes % 60
        return d + "T" + (h < 10 ? "0" : "") + "\(h)" + (m < 10 ? "0" : "") + "\(m)00"
    }

    /// RFC 5545 TEXT escaping.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Folds a content line at 75 octets.
    static func fold(_ line: String) -> String {
        var out = "", count = 0
        for ch in line {
            let size = String(ch).utf8.count
            if count + size > 75 { out += "\r\n "; count = 1 }
            out.append(ch); count += size
        }
        return out
    }

    /// Europe/London: GMT from the last Sunday of October, BST from the last Sunday of March.
    static let londonTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/London",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19810329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19961027T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
    ]
}
