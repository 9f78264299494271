import CaseloadCore
import Foundation
import Testing

/// Paths and tools the planner tests share: the repository, its fixtures and the independent checker.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let checker = root.deletingLastPathComponent().appendingPathComponent("shared/tools/check_plan.py").path
    static let weeks = root.appendingPathComponent("Fixtures/weeks").path
    static let schools = root.appendingPathComponent("Fixtures/schools").path

    static func scenario(_ file: String) throws -> WeekScenario {
        try WeekScenario.decode(Data(contentsOf: URL(fileURLWithPath: "\(weeks)/\(file)")))
    }

    /// Runs `check_plan.py --json` on the pair and returns its verdict.
    static func check(_ scenario: WeekScenario, _ plan: WeekPlan) throws -> [String: Any] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = dir.appendingPathComponent("scenario.json"), p = dir.appendingPathComponent("plan.json")
        try scenario.jsonData().write(to: s)
        try plan.jsonData().write(to: p)
        let out = try run(["python3", checker, "--json", s.path, p.path])
        return try JSONSerialization.jsonObject(with: out) as! [String: Any]
    }

    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
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
