import ArgumentParser
import CaseloadCore
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@testable import CaseloadCLI

/// The school year from the command line: closures from a school's CSV and a council's
/// iCalendar file, and a holiday week that books nothing without failing the weekly job.
@Suite struct SchoolYearCommandTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func closuresImportAllOrNothingAndAHolidayWeekBooksNothing() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        let store = try AppDatabase.open(path: db)
        try await run(["school", "close", "--file", root.appendingPathComponent("Fixtures/examples/closures.csv").path])
        #expect(try store.closures(school: "136156", withTrust: false).map(\.reason) == ["INSET day"])
        try await run(["calendar", "import", root.appendingPathComponent("Fixtures/examples/closures.ics").path])
        #expect(try store.closures().filter { $0.school == nil }.map(\.reason) == ["October half term", "Christmas holiday", "February half term"])

        let bad = folder.appendingPathComponent("bad.csv")
        try "urn,from,to,reason\n136156,2027-03-01,,INSET day\n999999,2027-03-02,,INSET day\n136156,2027-13-01,,x\n".write(
            to: bad, atomically: true, encoding: .utf8)
        await #expect(throws: ExitCode(2)) { try await run(["school", "close", "--file", bad.path]) }
        await #expect(throws: ExitCode(2)) { try await run(["school", "close", "999999", "--from", "2027-03-02"]) }
        #expect(try store.closures().count == 5, "a bad file writes nothing")

        try await run(["schedule", "--week", "2026-12-21", "--no-project"], asOf: "2026-12-20")
        #expect(try store.timetable(week: CalendarDate("2026-12-21")!) == nil)
        try await run(["calendar", "show", "--from", "2026-12-14", "--weeks", "4"])
        try await run(["school", "reopen", "1"])
        #expect(try store.closures(school: "136156", withTrust: false).isEmpty)
    }
}
