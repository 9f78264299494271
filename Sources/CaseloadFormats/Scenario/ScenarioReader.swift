import CaseloadCore
import Foundation

extension WeekScenario {
    /// Reads and validates a `caseload-scenario/1` document.
    ///
    /// Throws a `InputError` naming the field and the id at fault for missing fields,
    /// duplicate ids, unknown schools or specialists, a `week_start` that is not a Monday,
    /// bad times and working windows that end before they start.
    public static func decode(_ data: Data) throws(InputError) -> WeekScenario {
        let root = try JSONFields(JSONValue.parse(data, what: "scenario"), path: "")
        let format = try root.string("format")
        guard format == WeekScenario.format else {
            throw root.error("format", "is \"\(format)\"; this version reads \"\(WeekScenario.format)\"")
        }
        let weekStart = try root.string("week_start")
        guard let monday = CalendarDate(weekStart), monday.weekday == .mon else {
            throw root.error(
                "week_start", CalendarDate(weekStart) == nil ? Day.problem(weekStart, what: "the week's Monday") : "\(weekStart) is not a Monday")
        }
        let schools = try readSchools(root)
        let specialists = try readSpecialists(root)
        let sessions = try readSessions(root, schools: Set(schools.map(\.id)), specialists: Set(specialists.map(\.id)))
        return WeekScenario(
            name: try root.string("name"), weekStart: weekStart, travel: try readTravel(root),
            schools: schools, specialists: specialists, sessions: sessions)
    }

    static func readTravel(_ root: JSONFields) throws(InputError) -> TravelSettings {
        let t = try root.object("travel")
        let speed = try t.number("speed_kmh")
        let circuity = try t.number("circuity")
        guard speed > 0 else { throw t.error("speed_kmh", "must be above 0") }
        guard circuity > 0 else { throw t.error("circuity", "must be above 0 (1.3 is typical for roads)") }
        return TravelSettings(speedKmh: speed, circuity: circuity, overheadMin: try t.int("overhead_min", in: 0...600))
    }

    static func readPoint(_ f: JSONFields) throws(InputError) -> GeoPoint {
        let lat = try f.number("lat")
        let lon = try f.number("lon")
        guard (-90...90).contains(lat) else { throw f.error("lat", "must be between -90 and 90 degrees") }
        guard (-180...180).contains(lon) else { throw f.error("lon", "must be between -180 and 180 degrees") }
        return GeoPoint(lat: lat, lon: lon)
    }

    static func readSchools(_ root: JSONFields) throws(InputError) -> [School] {
        var seen = Set<String>()
        var out: [School] = []
        for (i, value) in try root.array("schools").enumerated() {
            var f = try JSONFields(value, path: "schools[\(i)]")
            let id = try f.string("id")
            f.id = id
            guard seen.insert(id).inserted else { throw f.error("id", "is used by another school; ids must be unique") }
            out.append(School(id: id, name: try f.optionalString("name") ?? id, location: try readPoint(f)))
        }
        return out
    }

    static func readSpecialists(_ root: JSONFields) throws(InputError) -> [Specialist] {
        var seen = Set<String>()
        var out: [Specialist] = []
        for (i, value) in try root.array("specialists").enumerated() {
            var f = try JSONFields(value, path: "specialists[\(i)]")
            let id = try f.string("id")
            f.id = id
            guard seen.insert(id).inserted else { throw f.error("id", "is used by another specialist; ids must be unique") }
            out.append(
                Specialist(
                    id: id, service: try f.string("service"), skills: try f.strings("skills") ?? [],
                    base: try readPoint(f.object("base")),
                    maxTravelMinPerDay: try f.optionalInt("max_travel_min_per_day", in: 0...1440),
                    maxSchoolsPerDay: try f.optionalInt("max_schools_per_day", in: 0...1000),
                    days: try readDays(f)))
        }
        return out
    }

    static func readDays(_ f: JSONFields) throws(InputError) -> [WorkingDay] {
        var seen = Set<Weekday>()
        var out: [WorkingDay] = []
        for (i, value) in try f.array("days").enumerated() {
            let d = try JSONFields(value, path: "\(f.path).days[\(i)]", id: f.id)
            let day = try weekday(d.string("day"), d, "day")
            guard seen.insert(day).inserted else { throw d.error("day", "\(day.rawValue) appears twice; give each day one window") }
            let start = try d.time("start")
            let end = try d.time("end")
            guard start < end else { throw d.error("end", "\(end) must be after start \(start)") }
            var working = WorkingDay(day: day, start: start, end: end)
            working.rest = try readBreak(d)
            out.append(working)
        }
        return out
    }

    static func readBreak(_ d: JSONFields) throws(InputError) -> DayBreak? {
        guard d.optional("break") != nil else { return nil }
        let b = try d.object("break")
        let rest = DayBreak(minutes: try b.int("minutes", in: 1...600), earliest: try b.time("earliest"), latestEnd: try b.time("latest_end"))
        guard rest.earliest.minutes + rest.minutes <= rest.latestEnd.minutes else {
            throw b.error("latest_end", "\(rest.earliest)-\(rest.latestEnd) cannot hold a \(rest.minutes)-minute break")
        }
        return rest
    }

    static func weekday(_ text: String, _ f: JSONFields, _ key: String) throws(InputError) -> Weekday {
        guard let d = Weekday(rawValue: text) else {
            throw f.error(key, "\"\(text)\" is not a day; use one of mon, tue, wed, thu, fri, sat, sun")
        }
        return d
    }

    static func readSessions(_ root: JSONFields, schools: Set<String>, specialists: Set<String>) throws(InputError) -> [Session] {
        var seen = Set<String>()
        var out: [Session] = []
        for (i, value) in try root.array("sessions").enumerated() {
            var f = try JSONFields(value, path: "sessions[\(i)]")
            let id = try f.string("id")
            f.id = id
            guard seen.insert(id).inserted else { throw f.error("id", "is used by another session; ids must be unique") }
            out.append(try readSession(f, id: id, schools: schools, specialists: specialists))
        }
        return out
    }

    static func readSession(_ f: JSONFields, id: String, schools: Set<String>, specialists: Set<String>) throws(InputError) -> Session {
        let school = try f.string("school")
        guard schools.contains(school) else { throw f.error("school", "\"\(school)\" is not among the scenario's schools") }
        let pinned = try f.optionalString("specialist")
        if let pinned, !specialists.contains(pinned) {
            throw f.error("specialist", "\"\(pinned)\" is not among the scenario's specialists")
        }
        let days = try weekdays(f, "days")
        let preferred = try weekdays(f, "preferred_days")
        var session = Session(
            id: id, referral: try f.optionalString("referral") ?? id, school: school,
            service: try f.string("service"), durationMin: try f.int("duration_min", in: 1...1440),
            priority: try f.int("priority", in: 1...100), skills: try f.strings("skills") ?? [],
            specialist: pinned, days: days, earliest: try f.optionalTime("earliest"),
            latestEnd: try f.optionalTime("latest_end"))
        session.preferredDays = preferred
        return session
    }

    static func weekdays(_ f: JSONFields, _ key: String) throws(InputError) -> [Weekday]? {
        guard let names = try f.strings(key) else { return nil }
        var days: [Weekday] = []
        for name in names { days.append(try weekday(name, f, key)) }
        return days
    }
}
