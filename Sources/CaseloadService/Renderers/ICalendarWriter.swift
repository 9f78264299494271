import CaseloadCore
import CaseloadPlanner
import CaseloadStore
import Foundation

/// Writes a week's timetable as an iCalendar (RFC 5545) file that Outlook and Google Calendar
/// import or subscribe to: one event per session with the pupil's reference and the school's
/// address, and each journey as its own event, in Europe/London time. A session's UID names the
/// referral's session in that week with that specialist, so a re-plan that moves it to another
/// day or time updates the same event (SEQUENCE raised), and one that drops it or gives it to
/// another specialist sends it as cancelled; a draft's events are tentative and marked DRAFT.
public struct ICalendarWriter: Sendable {
    public let timetable: [TimetableRow]
    public let scenario: WeekScenario
    /// The file's creation time, `YYYYMMDDTHHMMSSZ`.
    public let stamp: String
    /// Sessions a re-plan cancelled, each with the revision that cancelled it.
    public var cancelled: [(row: TimetableRow, sequence: Int)] = []
    /// The timetable's revision: every live event's SEQUENCE.
    public var sequence = 0
    /// A draft week: events are tentative and say DRAFT.
    public var draft = false

    /// A writer for `rows` of the week `scenario` describes.
    public init(rows: [TimetableRow], scenario: WeekScenario, stamp: String) {
        timetable = rows
        self.scenario = scenario
        self.stamp = stamp
    }

    /// A writer for a stored week: its revision, draft status and cancelled sessions (shown
    /// until the week ends, as of `today`).
    public init(
        week t: WeekTimetable, rows: [TimetableRow], cancelled: [(row: TimetableRow, sequence: Int)], today: CalendarDate,
        stamp: String = ICalendarWriter.utcStamp()
    ) {
        self.init(rows: rows, scenario: t.scenario, stamp: stamp)
        sequence = t.revision
        draft = !t.published
        self.cancelled = today <= t.weekStart.adding(days: 6) ? cancelled : []
    }

    /// The calendar text, CRLF line ends, long lines folded.
    public var text: String { ICalendarWriter.calendar([self]) }

    /// One calendar of the events of `weeks` (a subscription feed's several weeks), named `name`
    /// in calendar apps, which are asked to fetch it again every `refresh` (ISO 8601 duration).
    public static func calendar(_ weeks: [ICalendarWriter], name: String? = nil, refresh: String? = nil) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Caseload//Timetable//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-TIMEZONE:Europe/London",
        ]
        if let name { lines.append("X-WR-CALNAME:" + escape(name)) }
        if let refresh { lines += ["REFRESH-INTERVAL;VALUE=DURATION:\(refresh)", "X-PUBLISHED-TTL:\(refresh)"] }
        lines += londonTimeZone + weeks.flatMap(\.events) + ["END:VCALENDAR"]
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The week's events: journeys and sessions, then the sessions a re-plan cancelled (one event
    /// per UID: a session moved within the week is its live event, not a cancelled one).
    var events: [String] {
        var lines: [String] = []
        var live = Set<String>()
        for visit in visits() {
            lines += travelEvent(visit)
            for row in visit.rows {
                live.insert(ICalendarWriter.uid(row))
                lines += sessionEvent(row, status: draft ? "TENTATIVE" : "CONFIRMED", sequence: sequence)
            }
        }
        var latest: [String: (row: TimetableRow, sequence: Int)] = [:]
        for c in cancelled where !live.contains(ICalendarWriter.uid(c.row)) {
            let uid = ICalendarWriter.uid(c.row)
            if (latest[uid]?.sequence ?? -1) < c.sequence { latest[uid] = c }
        }
        for (_, c) in latest.sorted(by: { $0.key < $1.key }) { lines += sessionEvent(c.row, status: "CANCELLED", sequence: c.sequence) }
        return lines
    }

    /// A session's UID: the referral's session number in that week with that specialist.
    static func uid(_ r: TimetableRow) -> String {
        let b = r.booking
        return "session-\(b.referral)-\(b.sessionNumber)-\(r.date.adding(days: -b.day.index))-\(safe(b.specialist))@caseload"
    }

    /// Consecutive sessions of one specialist at one school on one day.
    struct Visit {
        var rows: [TimetableRow]
        var travelFrom: GeoPoint?
        var travelStart: Int
        var travelMinutes: Int
    }

    func visits() -> [Visit] {
        let model = TravelModel(scenario.travel)
        let schools = Dictionary(uniqueKeysWithValues: scenario.schools.map { ($0.id, $0.location) })
        let bases = Dictionary(uniqueKeysWithValues: scenario.specialists.map { ($0.id, $0) })
        var out: [Visit] = []
        for row in timetable {
            let b = row.booking
            if var last = out.last, last.rows[0].booking.specialist == b.specialist, last.rows[0].booking.day == b.day,
                last.rows[0].booking.school == b.school
            {
                last.rows.append(row)
                out[out.count - 1] = last
                continue
            }
            let sameDay = out.last.map { $0.rows[0].booking.specialist == b.specialist && $0.rows[0].booking.day == b.day } ?? false
            let from = sameDay ? schools[out.last!.rows[0].booking.school] : bases[b.specialist]?.base
            let leave =
                sameDay
                ? out.last!.rows.last!.booking.end.minutes
                : bases[b.specialist]?.days.first { $0.day == b.day }?.start.minutes ?? b.start.minutes
            let minutes = from.flatMap { f in schools[b.school].map { model.minutes(f, $0) } } ?? 0
            out.append(Visit(rows: [row], travelFrom: from, travelStart: leave, travelMinutes: minutes))
        }
        return out
    }

    /// One session, under its stable UID.
    func sessionEvent(_ r: TimetableRow, status: String, sequence: Int) -> [String] {
        let b = r.booking
        let uid = ICalendarWriter.uid(r)
        let prefix = status == "CANCELLED" ? "CANCELLED: " : draft ? "DRAFT: " : ""
        let detail =
            "Pupil \(r.pupilRef): \(r.serviceName), \(r.pathwayWords), session \(b.sessionNumber), \(b.start)-\(b.end) with \(r.specialistName)"
        return [
            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)", "SEQUENCE:\(sequence)", "STATUS:\(status)",
            "DTSTART;TZID=Europe/London:\(ICalendarWriter.local(r.date, b.start.minutes))",
            "DTEND;TZID=Europe/London:\(ICalendarWriter.local(r.date, b.end.minutes))",
            "SUMMARY:" + ICalendarWriter.escape("\(prefix)\(r.serviceName) \(r.pupilRef) at \(r.schoolName)"),
            "LOCATION:" + ICalendarWriter.escape(r.location.isEmpty ? r.schoolName : r.location),
            "DESCRIPTION:" + ICalendarWriter.escape(detail + "\nSchool URN \(b.school)"),
            "CATEGORIES:VISIT", "END:VEVENT",
        ]
    }

    /// Letters, digits and `-` only, for UIDs.
    static func safe(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) ? Character($0) : "-" })
    }

    func travelEvent(_ v: Visit) -> [String] {
        guard v.travelMinutes > 0 else { return [] }
        let first = v.rows[0]
        let b = first.booking
        return [
            "BEGIN:VEVENT", "UID:travel-\(first.date)-\(b.specialist)-\(b.school)-\(v.travelStart)@caseload", "DTSTAMP:\(stamp)",
            "DTSTART;TZID=Europe/London:\(ICalendarWriter.local(first.date, v.travelStart))",
            "DTEND;TZID=Europe/London:\(ICalendarWriter.local(first.date, v.travelStart + v.travelMinutes))",
            "SUMMARY:" + ICalendarWriter.escape("Travel to \(first.schoolName) (\(v.travelMinutes) min)"),
            "TRANSP:OPAQUE", "CATEGORIES:TRAVEL", "END:VEVENT",
        ]
    }

    /// `YYYYMMDDTHHMMSSZ` for `date` (now by default), as DTSTAMP wants.
    public static func utcStamp(_ date: Date = Date()) -> String {
        date.ISO8601Format().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// `YYYYMMDDTHHMMSS` local time.
    static func local(_ date: CalendarDate, _ minutes: Int) -> String {
        let d = date.description.replacingOccurrences(of: "-", with: "")
        let h = minutes / 60
        let m = minutes % 60
        return d + "T" + (h < 10 ? "0" : "") + "\(h)" + (m < 10 ? "0" : "") + "\(m)00"
    }

    /// RFC 5545 TEXT escaping; other control characters (a carriage return among them) are dropped.
    static func escape(_ s: String) -> String {
        let clean = String(String.UnicodeScalarView(s.unicodeScalars.filter { $0 == "\n" || $0.value >= 0x20 && $0.value != 0x7F }))
        return clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Folds a content line at 75 octets.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for ch in line {
            let size = String(ch).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(ch)
            count += size
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
