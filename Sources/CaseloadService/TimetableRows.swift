import CaseloadCore
import CaseloadFormats
import CaseloadStore
import Foundation

/// One booked session with everything a timetable shows about it.
public struct TimetableRow: Sendable {
    public var booking: Booking
    public var date: CalendarDate
    public var schoolName: String
    public var pupilRef: String
    public var service: String
    public var pathway: String
    /// The service's name ("Speech and language therapy"), or its code when the settings lack it.
    public var serviceName: String
    /// The pathway's shape in words ("a block of 6 weekly 30-minute sessions"), or its code.
    public var pathwayWords: String
    /// The specialist as people know them: "Asha Patel (salt-3)", or the id alone.
    public var specialistName: String
    public var outcome: SessionOutcome?
    /// Where the school is, for people and calendars: name, address and postcode as known.
    public var location: String
}

/// What a timetable needs to speak in words: the trust's services (for service and pathway
/// names) and the specialists' names. Empty, rows carry the codes in their place.
public struct TimetableWords: Sendable {
    public var services: [ServiceRules]
    public var specialists: [String: SpecialistContact]

    /// Words from `services` and the roster's `specialists`.
    public init(services: [ServiceRules] = [], specialists: [String: SpecialistContact] = [:]) {
        (self.services, self.specialists) = (services, specialists)
    }

    func service(_ code: String) -> String { services.first { $0.code == code }?.name ?? code }

    func pathway(_ name: String, of code: String) -> String {
        services.first { $0.code == code }?.pathways.first { $0.name == name }?.words ?? name
    }

    func specialist(_ id: String) -> String { specialists[id]?.said(id: id) ?? id }
}

/// A week's bookings as rows, in the order a specialist works through them.
public enum TimetableRows {
    /// Rows of `timetable`, optionally for one specialist or one school; `schools` gives addresses.
    public static func rows(
        _ t: WeekTimetable, referrals: [Int64: Referral], schools: [SchoolRecord] = [], specialist: String? = nil,
        school: String? = nil, words: TimetableWords = TimetableWords()
    ) -> [TimetableRow] {
        rows(t.bookings, t, referrals: referrals, schools: schools, specialist: specialist, school: school, words: words)
    }

    /// Rows of the bookings a re-plan cancelled (for calendars), filtered as `rows`.
    public static func cancelledRows(
        _ t: WeekTimetable, referrals: [Int64: Referral], schools: [SchoolRecord] = [],
        specialist: String? = nil, school: String? = nil, words: TimetableWords = TimetableWords()
    ) -> [(row: TimetableRow, sequence: Int)] {
        let sequence = Dictionary(t.cancelled.map { ($0.booking, $0.revision) }, uniquingKeysWith: max)
        return rows(t.cancelled.map(\.booking), t, referrals: referrals, schools: schools, specialist: specialist, school: school, words: words)
            .map { ($0, sequence[$0.booking] ?? t.revision) }
    }

    static func rows(
        _ bookings: [Booking], _ t: WeekTimetable, referrals: [Int64: Referral], schools: [SchoolRecord],
        specialist: String?, school: String?, words: TimetableWords
    ) -> [TimetableRow] {
        let names = Dictionary(uniqueKeysWithValues: t.scenario.schools.map { ($0.id, $0.name) })
        let records = Dictionary(schools.map { ($0.urn, $0) }, uniquingKeysWith: { a, _ in a })
        return
            bookings
            .filter { specialist == nil || $0.specialist == specialist }
            .filter { school == nil || $0.school == school }
            .sorted { ($0.specialist, $0.day, $0.start) < ($1.specialist, $1.day, $1.start) }
            .map { b in
                let r = referrals[b.referral]
                let name = names[b.school] ?? b.school
                let (service, pathway) = (r?.request.service ?? "?", r?.pathway ?? "?")
                return TimetableRow(
                    booking: b, date: t.weekStart.adding(days: b.day.index), schoolName: name,
                    pupilRef: r?.request.pupilRef ?? "?", service: service, pathway: pathway,
                    serviceName: words.service(service), pathwayWords: words.pathway(pathway, of: service),
                    specialistName: words.specialist(b.specialist), outcome: t.outcomes[b.referral],
                    location: location(name, records[b.school]))
            }
    }
}

extension TimetableRows {
    /// Sessions booked on a day the school did not prefer (its preferred days were full).
    public static func offPreference(_ t: WeekTimetable, referrals: [Int64: Referral]) -> [(Booking, Referral)] {
        t.bookings.compactMap { b in
            guard let r = referrals[b.referral], !r.request.preferredDays.isEmpty, !r.request.preferredDays.contains(b.day) else { return nil }
            return (b, r)
        }
    }
}

/// "Name, address, postcode", with whatever of the address is known.
func location(_ name: String, _ school: SchoolRecord?) -> String {
    ([name, school?.address, school?.postcode].compactMap { $0 }.filter { !$0.isEmpty }).joined(separator: ", ")
}

private func < (a: (String, Weekday, ClockTime), b: (String, Weekday, ClockTime)) -> Bool {
    (a.0, a.1.index, a.2.minutes) < (b.0, b.1.index, b.2.minutes)
}

/// The shared CSV and JSON forms of timetable rows (CLI and API alike).
extension TimetableRows {
    /// Column names, as in CSV headers and JSON keys.
    public static let columns = [
        "specialist", "date", "day", "start", "end", "school", "school_name", "referral",
        "pupil_ref", "service", "pathway", "session", "outcome", "specialist_name", "service_name", "pathway_words",
    ]

    /// One row's cells in `columns` order.
    public static func cells(_ r: TimetableRow) -> [String] {
        let b = r.booking
        return [
            b.specialist, r.date.description, b.day.rawValue, b.start.description, b.end.description, b.school, r.schoolName,
            "\(b.referral)", r.pupilRef, r.service, r.pathway, "\(b.sessionNumber)", r.outcome?.rawValue ?? "",
            r.specialistName, r.serviceName, r.pathwayWords,
        ]
    }

    /// RFC 4180 CSV with a header line and CRLF line ends; a last `status` column says whether
    /// the week is a draft or published.
    public static func csv(_ rows: [TimetableRow], published: Bool) -> String {
        let status = published ? "published" : "draft"
        return CSVWriter.text([columns + ["status"]] + rows.map { cells($0) + [status] })
    }

    struct Page: Encodable { let week: String, status: String, revision: Int, items: [Item] }

    struct Item: Encodable {
        let specialist: String, date: String, day: String, start: String, end: String, school: String, schoolName: String
        let referral: Int64, pupilRef: String, service: String, pathway: String, session: Int, outcome: String?
        let specialistName: String, serviceName: String, pathwayWords: String

        enum CodingKeys: String, CodingKey {
            case specialist, date, day, start, end, school
            case schoolName = "school_name"
            case referral
            case pupilRef = "pupil_ref"
            case service, pathway, session, outcome
            case specialistName = "specialist_name"
            case serviceName = "service_name"
            case pathwayWords = "pathway_words"
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            for (key, value) in [
                (CodingKeys.specialist, specialist), (.date, date), (.day, day), (.start, start), (.end, end),
                (.school, school), (.schoolName, schoolName), (.pupilRef, pupilRef), (.service, service), (.pathway, pathway),
                (.specialistName, specialistName), (.serviceName, serviceName), (.pathwayWords, pathwayWords),
            ] {
                try c.encode(value, forKey: key)
            }
            try c.encode(referral, forKey: .referral)
            try c.encode(session, forKey: .session)
            try c.encode(outcome, forKey: .outcome)
        }
    }

    /// `{"week": …, "status": "draft"|"published", "revision": n, "items": [...]}` with snake_case keys.
    public static func json(_ rows: [TimetableRow], week: CalendarDate, published: Bool, revision: Int) throws -> String {
        let items = rows.map { r in
            Item(
                specialist: r.booking.specialist, date: r.date.description, day: r.booking.day.rawValue, start: r.booking.start.description,
                end: r.booking.end.description, school: r.booking.school, schoolName: r.schoolName, referral: r.booking.referral,
                pupilRef: r.pupilRef, service: r.service, pathway: r.pathway, session: r.booking.sessionNumber, outcome: r.outcome?.rawValue,
                specialistName: r.specialistName, serviceName: r.serviceName, pathwayWords: r.pathwayWords)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let page = Page(week: week.description, status: published ? "published" : "draft", revision: revision, items: items)
        return String(decoding: try encoder.encode(page), as: UTF8.self)
    }
}
