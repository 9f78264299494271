import CaseloadCore
import Foundation

extension WeekScenario: Encodable {
    enum Keys: String, CodingKey {
        case format, name, travel, schools, specialists, sessions
        case circuity
        case id, lat, lon, service, skills, base, days, day, start, end
        case referral, school, priority, specialist, earliest, `break`, minutes
        case weekStart = "week_start"
        case speedKmh = "speed_kmh"
        case overheadMin = "overhead_min"
        case maxTravelMinPerDay = "max_travel_min_per_day"
        case maxSchoolsPerDay = "max_schools_per_day"
        case durationMin = "duration_min"
        case latestEnd = "latest_end"
        case preferredDays = "preferred_days"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(WeekScenario.format, forKey: .format)
        try c.encode(name, forKey: .name)
        try c.encode(weekStart, forKey: .weekStart)
        var t = c.nestedContainer(keyedBy: Keys.self, forKey: .travel)
        try t.encode(travel.speedKmh, forKey: .speedKmh)
        try t.encode(travel.circuity, forKey: .circuity)
        try t.encode(travel.overheadMin, forKey: .overheadMin)
        var s = c.nestedUnkeyedContainer(forKey: .schools)
        for school in schools { try s.encode(SchoolJSON(school)) }
        var p = c.nestedUnkeyedContainer(forKey: .specialists)
        for specialist in specialists { try p.encode(SpecialistJSON(specialist)) }
        var x = c.nestedUnkeyedContainer(forKey: .sessions)
        for session in sessions { try x.encode(SessionJSON(session)) }
    }

    /// The scenario as pretty-printed JSON with sorted keys (stable output for diffs).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

private struct SchoolJSON: Encodable {
    let school: School
    init(_ s: School) { school = s }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: WeekScenario.Keys.self)
        try c.encode(school.id, forKey: .id)
        try c.encode(school.name, forKey: .name)
        try c.encode(school.location.lat, forKey: .lat)
        try c.encode(school.location.lon, forKey: .lon)
    }
}

private struct SpecialistJSON: Encodable {
    let sp: Specialist
    init(_ s: Specialist) { sp = s }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: WeekScenario.Keys.self)
        try c.encode(sp.id, forKey: .id)
        try c.encode(sp.service, forKey: .service)
        try c.encode(sp.skills, forKey: .skills)
        try c.encode(sp.base, forKey: .base)
        try c.encodeIfPresent(sp.maxTravelMinPerDay, forKey: .maxTravelMinPerDay)
        try c.encodeIfPresent(sp.maxSchoolsPerDay, forKey: .maxSchoolsPerDay)
        var days = c.nestedUnkeyedContainer(forKey: .days)
        for d in sp.days {
            var dc = days.nestedContainer(keyedBy: WeekScenario.Keys.self)
            try dc.encode(d.day, forKey: .day)
            try dc.encode(d.start.description, forKey: .start)
            try dc.encode(d.end.description, forKey: .end)
            if let rest = d.rest {
                var bc = dc.nestedContainer(keyedBy: WeekScenario.Keys.self, forKey: .break)
                try bc.encode(rest.minutes, forKey: .minutes)
                try bc.encode(rest.earliest.description, forKey: .earliest)
                try bc.encode(rest.latestEnd.description, forKey: .latestEnd)
            }
        }
    }
}

private struct SessionJSON: Encodable {
    let s: Session
    init(_ s: Session) { self.s = s }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: WeekScenario.Keys.self)
        try c.encode(s.id, forKey: .id)
        try c.encode(s.referral, forKey: .referral)
        try c.encode(s.school, forKey: .school)
        try c.encode(s.service, forKey: .service)
        try c.encode(s.durationMin, forKey: .durationMin)
        try c.encode(s.priority, forKey: .priority)
        if !s.skills.isEmpty { try c.encode(s.skills, forKey: .skills) }
        try c.encodeIfPresent(s.specialist, forKey: .specialist)
        try c.encodeIfPresent(s.days, forKey: .days)
        try c.encodeIfPresent(s.earliest?.description, forKey: .earliest)
        try c.encodeIfPresent(s.latestEnd?.description, forKey: .latestEnd)
        try c.encodeIfPresent(s.preferredDays, forKey: .preferredDays)
    }
}
