import CaseloadCore
import CaseloadService
import Foundation

/// How timetables and reports print.
enum TimetableOutput {
    /// The week as a person reads it: names, not codes (the CSV and JSON carry both).
    static func table(_ rows: [TimetableRow]) -> TextTable {
        var t = TextTable(["specialist", "date", "day", "start", "end", "school", "referral", "pupil", "service", "session", "outcome"])
        for r in rows {
            let b = r.booking
            t.add([
                r.specialistName, r.date.description, b.day.rawValue, b.start.description, b.end.description, r.schoolName,
                "\(b.referral)", r.pupilRef, r.serviceName, "\(b.sessionNumber)", r.outcome?.words ?? "",
            ])
        }
        return t
    }

    /// The term so far, by outcome per service and per school.
    static func termToDate(_ t: TermToDate) -> String {
        var services = TextTable(["service"] + OutcomeCounts.columns)
        for (service, counts) in t.byService { services.add([service] + counts.cells) }
        var schools = TextTable(["school"] + OutcomeCounts.columns)
        for (school, counts) in t.bySchool { schools.add([school] + counts.cells) }
        let span = "term to date: \(t.weeks) published week\(t.weeks == 1 ? "" : "s") from \(t.from) to the week of \(t.through)"
        return ["", span + ", sessions by outcome:", services.text, "", schools.text].joined(separator: "\n")
    }

    static func report(_ r: WeekReport) -> String {
        var services = TextTable(["service", "sessions", "hours", "waiting", "over target", "median weeks waited"])
        for s in r.services {
            services.add([s.service, "\(s.sessions)", String(format: "%.1f", s.hours), "\(s.waiting)", "\(s.breached)", "\(s.medianWeeks)"])
        }
        var schools = TextTable(["service", "school", "urn", "hours", "fair share", "difference"])
        for s in r.schools where s.hours > 0 || s.entitledHours >= 0.5 {
            schools.add([
                s.service, s.name, s.school, String(format: "%.1f", s.hours), String(format: "%.1f", s.entitledHours),
                String(format: "%+.1f", s.hours - s.entitledHours),
            ])
        }
        var people = TextTable(["specialist", "service", "session hours", "working hours", "utilisation %", "travel min", "miles"])
        for p in r.specialists {
            people.add([
                p.id, p.service, String(format: "%.1f", p.sessionHours), String(format: "%.1f", p.workingHours),
                String(format: "%.0f", p.workingHours > 0 ? 100 * p.sessionHours / p.workingHours : 0), "\(p.travelMinutes)",
                String(format: "%.0f", p.miles),
            ])
        }
        var outcomes = TextTable(["service"] + OutcomeCounts.columns)
        for (service, counts) in r.outcomesByService { outcomes.add([service] + counts.cells) }
        var bySchool = TextTable(["school"] + OutcomeCounts.columns)
        for (school, counts) in r.outcomesBySchool { bySchool.add([school] + counts.cells) }
        let idle = r.idle.map { i in
            String(format: "%@ is booked for %.1f of %.1f hours: ", i.id, i.bookedHours, i.workingHours) + i.advice
        }
        return
            ([
                services.text, "", schools.text, "", people.text, "", "sessions by outcome:", outcomes.text, "", bySchool.text, "",
                String(format: "travel: %d minutes, %.0f miles, £%.2f mileage at 45p a mile", r.travelMinutes, r.miles, r.mileageCost),
            ]
            + (idle.isEmpty ? [] : ["", "free time out of reach of the waiting list:"] + idle.map { "  " + $0 })
            + (r.deadlines.isEmpty
                ? [] : ["", "statutory deadlines to watch:"] + r.deadlines.map { "  referral \($0.referral) (\($0.school)): \($0.warning)" })
            + (r.interrupted.isEmpty
                ? []
                : ["", "running blocks interrupted this week (first claim next week):"]
                    + r.interrupted.map { "  referral \($0.referral): \($0.reason)" })
            + (r.late.isEmpty
                ? []
                : ["", "urgent or statutory referrals that will miss their target:"]
                    + r.late.map {
                        "  referral \($0.referral) (\($0.school)): due by \($0.due), likely \($0.likely.map { "the week of \($0)" } ?? "not in sight")"
                    }))
            .joined(separator: "\n")
    }
}
