import CaseloadCore
import CaseloadStore

/// One booked session with everything a timetable shows about it.
public struct TimetableRow: Sendable {
    public var booking: Booking
    public var date: CalendarDate
    public var schoolName: String
    public var pupilRef: String
    public var service: String
    public var pathway: String
    public var outcome: SessionOutcome?
}

/// A week's bookings as rows, in the order a specialist works through them.
public enum TimetableRows {
    /// Rows of `timetable`, optionally for one specialist or one school.
    public static func rows(_ t: WeekTimetable, referrals: [Int64: Referral], specialist: String? = nil, school: String? = nil) -> [TimetableRow] {
        let names = Dictionary(uniqueKeysWithValues: t.scenario.schools.map { ($0.id, $0.name) })
        return t.bookings
            .filter { specialist == nil || $0.specialist == specialist }
            .filter { school == nil || $0.school == school }
            .sorted { ($0.specialist, $0.day, $0.start) < ($1.specialist, $1.day, $1.start) }
            .map { b in
                let r = referrals[b.referral]
                return TimetableRow(booking: b, date: t.weekStart.adding(days: b.day.index), schoolName: names[b.school] ?? b.school,
                                    pupilRef: r?.request.pupilRef ?? "?", service: r?.request.service ?? "?",
                                    pathway: r?.pathway ?? "?", outcome: t.outcomes[b.referral])
            }
    }
}

private func < (a: (String, Weekday, ClockTime), b: (String, Weekday, ClockTime)) -> Bool {
    (a.0, a.1.index, a.2.minutes) < (b.0, b.1.index, b.2.minutes)
}

/// The shared CSV and JSON forms of timetable rows (CLI and API alike).
extension TimetableRows {
    /// Column names, as in CSV headers and JSON keys.
    public static let columns = ["specialist", "date", "day", "start", "end", "school", "school_name", "referral",
                                 "pupil_ref", "service", "pathway", "session", "outcome"]

    /// One row's cells in `columns` order.
    public static func cells(_ r: TimetableRow) -> [String] {
        let b = r.booking
        return [b.specialist, r.date.description, b.day.rawValue, b.start.description, b.end.description, b.school, r.schoolName,
                "\(b.referral)", r.pupilRef, r.service, r.pathway, "\(b.sessionNumber)", r.outcome?.rawValue ?? ""]
    }

    /// RFC 4180 CSV with a header line and CRLF line ends.
    public static func csv(_ rows: [TimetableRow]) -> String {
        func quote(_ c: String) -> String {
            c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
        }
        return ([columns] + rows.map(cells)).map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    struct Item: Encodable {
        let specialist: String, date: String, day: String, start: String, end: String, school: String, schoolName: String
        let referral: Int64, pupilRef: String, service: String, pathway: String, session: Int, outcome: String?

        enum CodingKeys: String, CodingKey {
            case specialist, date, day, start, end, school, schoolName = "school_name", referral, pupilRef = "pupil_ref"
            case service, pathway, session, outcome
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            for (key, value) in [(CodingKeys.specialist, specialist), (.date, date), (.day, day), (.start, start), (.end, end),
                                 (.school, school), (.schoolName, schoolName), (.pupilRef, pupilRef), (.service, service), (.pathway, pathway)] {
                try c.encode(value, forKey: key)
            }
            try c.encode(referral, forKey: .referral)
            try c.encode(session, forKey: .session)
            try c.encode(outcome, forKey: .outcome)
        }
    }

    /// `{"items": [...]}` with snake_case keys.
    public static func json(_ rows: [TimetableRow]) throws -> String {
        let items = rows.map { r in
            Item(specialist: r.booking.specialist, date: r.date.description, day: r.booking.day.rawValue, start: r.booking.start.description,
                 end: r.booking.end.description, school: r.booking.school, schoolName: r.schoolName, referral: r.booking.referral,
                 pupilRef: r.pupilRef, service: r.service, pathway: r.pathway, session: r.booking.sessionNumber, outcome: r.outcome?.rawValue)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(["items": items]), as: UTF8.self)
    }
}

import Foundation
