import CaseloadCore
import CaseloadTestSupport
import Foundation
import Testing

extension Repo {
    /// The bundled schools of the two trusts.
    static let schools = root.appendingPathComponent("Fixtures/schools").path

    /// Runs `check_plan.py --json` on the pair and returns its verdict.
    static func check(_ scenario: WeekScenario, _ plan: WeekPlan) throws -> [String: Any] { try checkPlan(scenario, plan) }

    /// Runs a tool and returns what it printed.
    static func run(_ arguments: [String]) throws -> Data { try runTool(arguments).output }
}

/// Builds small scenarios by hand for the unit tests.
struct TinyWeek {
    var schools: [School] = [
        School(id: "A", name: "Alpha Primary", location: GeoPoint(lat: 51.0, lon: 0.0)),
        School(id: "B", name: "Beta Academy", location: GeoPoint(lat: 51.1, lon: 0.0)),
    ]
    var specialists: [Specialist] = [TinyWeek.specialist("salt-1", base: GeoPoint(lat: 51.0, lon: 0.0))]
    var sessions: [Session] = []

    static func specialist(
        _ id: String, service: String = "SALT", skills: [String] = [], base: GeoPoint,
        days: [Weekday] = [.mon], start: Int = 510, end: Int = 990, schoolsCap: Int? = nil
    ) -> Specialist {
        Specialist(
            id: id, service: service, skills: skills, base: base, maxTravelMinPerDay: nil, maxSchoolsPerDay: schoolsCap,
            days: days.map { WorkingDay(day: $0, start: ClockTime(minutes: start), end: ClockTime(minutes: end)) })
    }

    mutating func add(
        _ id: String, school: String = "A", service: String = "SALT", minutes: Int = 30, priority: Int = 50,
        skills: [String] = [], pin: String? = nil, days: [Weekday]? = nil,
        earliest: String? = nil, latestEnd: String? = nil
    ) {
        sessions.append(
            Session(
                id: id, referral: id, school: school, service: service, durationMin: minutes, priority: priority,
                skills: skills, specialist: pin, days: days, earliest: earliest.flatMap(ClockTime.init),
                latestEnd: latestEnd.flatMap(ClockTime.init)))
    }

    var scenario: WeekScenario {
        WeekScenario(
            name: "tiny", weekStart: "2026-11-30", travel: .standard, schools: schools,
            specialists: specialists, sessions: sessions)
    }
}
