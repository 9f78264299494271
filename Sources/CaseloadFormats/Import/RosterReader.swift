import CaseloadCore

/// Reads the trust's specialists from roster rows (CSV or YAML), each with its base as a
/// school URN or as coordinates, its working days and hours, skills and caps.
public enum RosterReader {
    /// Entries from `rows`, and one problem per bad row naming its line and field.
    /// `schools` resolves a base given as a URN to its location.
    /// `services`, when given, are the services the trust runs: a specialist of any other is refused.
    public static func read(
        _ rows: [(line: Int, value: JSONValue)], schools: [String: GeoPoint],
        services: [String]? = nil
    ) -> (entries: [RosterEntry], problems: [String]) {
        var entries: [RosterEntry] = []
        var problems: [String] = []
        var seen = Set<String>()
        for (line, value) in rows {
            do {
                let entry = try entry(value, schools: schools)
                if let services, !services.contains(entry.specialist.service) {
                    problems.append(
                        "line \(line): service \"\(entry.specialist.service.prefix(40))\" is not one the trust runs; use one of \(services.joined(separator: ", "))"
                    )
                    continue
                }
                guard seen.insert(entry.specialist.id).inserted else {
                    problems.append("line \(line): specialist \(entry.specialist.id) is listed twice")
                    continue
                }
                entries.append(entry)
            } catch {
                problems.append("line \(line): \(error.description)")
            }
        }
        return (entries, problems)
    }

    /// The columns (CSV) or keys (YAML) of a roster entry.
    public static let fields = [
        "id", "service", "skills", "base_urn", "base_lat", "base_lon", "days", "start", "end",
        "max_travel_min_per_day", "max_schools_per_day", "break_minutes", "break_earliest", "break_latest_end", "name", "phone", "email",
    ]

    static func entry(_ value: JSONValue, schools: [String: GeoPoint]) throws(InputError) -> RosterEntry {
        var f = try JSONFields(value, path: "")
        try f.onlyKeys(fields)
        let id = try f.string("id")
        guard (1...32).contains(id.unicodeScalars.count), id.unicodeScalars.allSatisfy({ ReferralReader.isRefCharacter($0) && $0 != "/" }) else {
            throw f.error("id", "must be a short code of letters, digits, - or _ (up to 32), such as salt-3")
        }
        f.id = id
        let (base, urn) = try base(f, schools)
        let start = try f.optionalTime("start") ?? ClockTime(minutes: 510)
        let end = try f.optionalTime("end") ?? ClockTime(minutes: 990)
        guard start < end else { throw f.error("end", "\(end) must be after start \(start)") }
        let days = try f.flexibleDays("days")
        guard !days.isEmpty else { throw f.error("days", "list the days they work, e.g. mon;tue;thu") }
        let specialist = Specialist(
            id: id, service: try f.string("service").uppercased(), skills: try skills(f), base: base,
            maxTravelMinPerDay: try f.flexibleInt("max_travel_min_per_day", in: 0...1440),
            maxSchoolsPerDay: try f.flexibleInt("max_schools_per_day", in: 1...20),
            days: try days.map { d throws(InputError) in
                var day = WorkingDay(day: d, start: start, end: end)
                day.rest = try rest(f, start: start, end: end)
                return day
            })
        return RosterEntry(specialist: specialist, baseSchool: urn, contact: try contact(f))
    }

    /// The optional `name`, `phone` and `email`: a name of up to 80 characters, a phone number of
    /// digits, spaces, +, - and brackets, an email address with an @.
    static func contact(_ f: JSONFields) throws(InputError) -> SpecialistContact {
        let text = { (key: String) throws(InputError) -> String? in
            guard let v = try f.optionalString(key)?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        let name = try text("name")
        if let name,
            name.count > 80
                || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.isWhitespace && $0 != " " })
        {
            throw f.error("name", "give the specialist's name as they sign it, in up to 80 characters on one line")
        }
        let phone = try text("phone")
        if let phone, phone.count > 24 || !phone.allSatisfy({ $0.isNumber || " +-()".contains($0) }) {
            throw f.error("phone", "give a work phone number of digits, spaces, +, - or brackets, such as 01234 567890")
        }
        let email = try text("email")
        if let email,
            email.count > 120 || email.filter({ $0 == "@" }).count != 1 || email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        {
            throw f.error("email", "give a work email address such as asha.patel@trust.example")
        }
        return SpecialistContact(name: name, phone: phone, email: email)
    }

    /// Skills as short codes (letters, digits, - or _).
    static func skills(_ f: JSONFields) throws(InputError) -> [String] {
        let list = try f.flexibleList("skills")
        for skill in list
        where skill.unicodeScalars.count > 32 || !skill.unicodeScalars.allSatisfy({ ReferralReader.isRefCharacter($0) && $0 != "/" }) {
            throw f.error("skills", "\"\(skill.prefix(40))\" is not a skill code; use letters, digits, - or _ (ADOS, AAC)")
        }
        return list
    }

    /// A lunch break of the specialist's own: `break_minutes` inside `break_earliest`–`break_latest_end`
    /// (12:00-14:00 by default); `break_minutes` 0 is no break at all (a 0-minute break is kept so
    /// that the trust's `planning.lunch_break` does not apply); no `break_minutes`: the trust's.
    static func rest(_ f: JSONFields, start: ClockTime, end: ClockTime) throws(InputError) -> DayBreak? {
        guard let minutes = try f.flexibleInt("break_minutes", in: 0...240) else { return nil }
        guard minutes > 0 else { return DayBreak(minutes: 0, earliest: start, latestEnd: start) }
        let earliest = try f.optionalTime("break_earliest") ?? ClockTime(minutes: 720)
        let latest = try f.optionalTime("break_latest_end") ?? ClockTime(minutes: 840)
        guard earliest.minutes + minutes <= latest.minutes, start <= earliest, latest <= end else {
            throw f.error(
                "break_latest_end",
                "a \(minutes)-minute break must fit between break_earliest \(earliest) and break_latest_end \(latest), inside the working day \(start)-\(end)"
            )
        }
        return DayBreak(minutes: minutes, earliest: earliest, latestEnd: latest)
    }

    static func base(_ f: JSONFields, _ schools: [String: GeoPoint]) throws(InputError) -> (GeoPoint, String?) {
        if let urn = try f.optionalString("base_urn") {
            guard let p = schools[urn] else {
                throw f.error("base_urn", "school \(urn) is not imported; import the schools first or give base_lat and base_lon")
            }
            return (p, urn)
        }
        guard let lat = try f.flexibleDouble("base_lat"), let lon = try f.flexibleDouble("base_lon") else {
            throw f.error("base_urn", "give the base as a school URN (base_urn) or as base_lat and base_lon")
        }
        guard (49...61).contains(lat), (-9...2).contains(lon) else { throw f.error("base_lat", "\(lat), \(lon) is not in Great Britain") }
        return (GeoPoint(lat: lat, lon: lon), nil)
    }
}
