import CaseloadConfig
import CaseloadCore
import CaseloadFixtures
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import Foundation

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let config = try! TrustConfigFile.load(repoRoot.appendingPathComponent("Config/trust.yaml").path)
let stamp = Stamp(actor: "test", at: Date(timeIntervalSince1970: 1_795_000_000))
let week1 = CalendarDate("2026-11-30")!

/// The demo trust (Kemnal's schools, its roster and 1,000 referrals) in a fresh in-memory database.
func demoTrust() throws -> AppDatabase {
    try demoTemplate.get().copyInMemory()
}

/// The demo trust, imported once for the whole suite; each test gets its own in-memory copy
/// (SQLite's backup), so no test sees another's changes.
let demoTemplate = Result { () throws -> AppDatabase in
    let db = try AppDatabase.inMemory()
    _ = try DemoTrust.load(
        into: db, fixtures: repoRoot.appendingPathComponent("Fixtures").path, config: config,
        today: CalendarDate("2026-11-23")!, stamp: stamp)
    return db
}

func scheduler(_ db: AppDatabase) -> WeeklyScheduler {
    WeeklyScheduler(db: db, config: config, options: PlannerOptions(seed: 3, iterations: 150))
}

/// Runs the independent checker on a stored week's scenario and plan.
func check(_ t: WeekTimetable) throws -> [String: Any] {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-svc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try t.scenario.jsonData().write(to: dir.appendingPathComponent("s.json"))
    try t.plan.jsonData().write(to: dir.appendingPathComponent("p.json"))
    let checker = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/check_plan.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", checker, "--json", dir.appendingPathComponent("s.json").path, dir.appendingPathComponent("p.json").path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
}

/// Parses iCalendar `text` with the real `icalendar` package (PyPI) and returns its events.
func icsEvents(_ text: String) throws -> [[String: String]] {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-\(UUID().uuidString).ics")
    try Data(text.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let helper = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ics_events.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", helper, file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
    return (try JSONSerialization.jsonObject(with: data) as? [[String: String]]) ?? []
}
