import CaseloadCore
import CaseloadService
import Foundation

/// How timetables and reports print.
enum TimetableOutput {
    static func table(_ rows: [TimetableRow]) -> TextTable {
        var t = TextTable(["specialist", "date", "day", "start", "end", "school", "urn", "referral", "pupil", "service", "pathway", "session", "outcome"])
        for r in rows {
            let b = r.booking
            t.add([b.specialist, r.date.description, b.day.rawValue, b.start.description, b.end.description, r.schoolName, b.school,
                   "\(b.referral)", r.pupilRef, r.service, r.pathway, "\(b.sessionNumber)", r.outcome?.rawValue ?? ""])
        }
        return t
    }

    static func json(_ rows: [TimetableRow]) throws -> String {
        let items: [[String: JSONScalar]] = rows.map { r in
            let b = r.booking
            return ["specialist": .s(b.specialist), "date": .s(r.date.description), "day": .s(b.day.rawValue), "start": .s(b.start.description),
                    "end": .s(b.end.description), "school": .s(b.school), "school_name": .s(r.schoolName), "referral": .i(Int(b.referral)),
                    "pupil_ref": .s(r.pupilRef), "service": .s(r.service), "pathway": .s(r.pathway), "session": .i(b.sessionNumber),
                    "outcome": r.outcome.map { .s($0.rawValue) } ?? .null]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }

    static func utcStamp() -> String {
        Date().ISO8601Format().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    static func report(_ r: WeekReport) -> String {
        var services = TextTable(["service", "sessions", "hours", "waiting", "over target", "median weeks waited"])
        for s in r.services {
            services.add([s.service, "\(s.sessions)", String(format: "%.1f", s.hours), "\(s.waiting)", "\(s.breached)", "\(s.medianWeeks)"])
        }
        var schools = TextTable(["service", "school", "urn", "hours", "fair share", "difference"])
        for s in r.schools where s.hours > 0 || s.entitledHours >= 0.5 {
            schools.add([s.service, s.name, s.school, String(format: "%.1f", s.hours), String(format: "%.1f", s.entitledHours),
                         String(format: "%+.1f", s.hours - s.entitledHours)])
        }
        var people = TextTable(["specialist", "service", "session hours", "working hours", "utilisation %", "travel min", "miles"])
        for p in r.specialists {
            people.add([p.id, p.service, String(format: "%.1f", p.sessionHours), String(format: "%.1f", p.workingHours),
                        String(format: "%.0f", p.workingHours > 0 ? 100 * p.sessionHours / p.workingHours : 0), "\(p.travelMinutes)", String(format: "%.0f", p.miles)])
        }
        return [services.text, "", schools.text, "", people.text, "",
                String(format: "travel: %d minutes, %.0f miles, £%.2f mileage at 45p a mile", r.travelMinutes, r.miles, r.mileageCost)]
            .joined(separator: "\n")
    }
}
