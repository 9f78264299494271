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
        #expect(try store.calendar.closures(school: "136156", withTrust: false).map(\.reason) == ["INSET day"])
        try await run(["calendar", "import", root.appendingPathComponent("Fixtures/examples/closures.ics").path])
        #expect(
            try store.calendar.closures().filter { $0.school == nil }.map(\.reason) == [
                "October half term", "Christmas holiday", "February half term",
            ])

        let bad = folder.appendingPathComponent("bad.csv")
        try "urn,from,to,reason\n136156,2027-03-01,,INSET day\n999999,2027-03-02,,INSET day\n136156,2027-13-01,,x\n".write(
            to: bad, atomically: true, encoding: .utf8)
        await #expect(throws: ExitCode(2)) { try await run(["school", "close", "--file", bad.path]) }
        await #expect(throws: ExitCode(2)) { try await run(["school", "close", "999999", "--from", "2027-03-02"]) }
        #expect(try store.calendar.closures().count == 5, "a bad file writes nothing")

        try await run(["schedule", "--week", "2026-12-21", "--no-project"], asOf: "2026-12-20")
        #expect(try store.timetables.timetable(week: CalendarDate("2026-12-21")!) == nil)
        try await run(["calendar", "show", "--from", "2026-12-14", "--weeks", "4"])
        try await run(["school", "reopen", "1"])
        #expect(try store.calendar.closures(school: "136156", withTrust: false).isEmpty)
    }

    /// The roster as a leader reads it: each specialist's working days with their lunch break.
    @Test func specialistListShowsEachDayWithItsBreak() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        let list = try await run(["specialist", "list"])
        #expect(list.contains("ep-1") && list.contains("mon 08:30-16:30 (30 min 12:00-13:30)"), "\(list)")
    }

    /// A leader approves new bookings inside the notice for one run, and the audit log keeps it.
    @Test func scheduleInsideTheNoticeNeedsTheLeadersApproval() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        let store = try AppDatabase.open(path: db)
        try await run(["schedule", "--week", "2026-11-30", "--no-project", "--iterations", "40"], asOf: "2026-11-27T10:00")
        #expect(try #require(try store.timetables.timetable(week: CalendarDate("2026-11-30")!)).bookings.allSatisfy { $0.day != .mon })
        try await run(["schedule", "--week", "2026-11-30", "--no-project", "--iterations", "40", "--short-notice"], asOf: "2026-11-27T10:00")
        #expect(try #require(try store.timetables.timetable(week: CalendarDate("2026-11-30")!)).bookings.contains { $0.day == .mon })
        #expect(try store.auditLog(entity: "timetable").contains { $0.action == "approve_short_notice" })
    }

    /// The what-if runs on a Friday after the weekly job has published next week: it starts from
    /// the first week not yet published and takes the published one as it stands.
    @Test func whatIfRunsOnAFridayAfterNextWeekIsPublished() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        try await run(["schedule", "--week", "2026-11-30", "--no-project", "--iterations", "40"], asOf: "2026-11-26T16:00")
        try await run(["timetable", "publish", "--week", "2026-11-30"], asOf: "2026-11-26T16:30")
        let report = try await run(["simulate", "--weeks", "1", "--iterations", "20"], asOf: "2026-11-27")
        #expect(report.contains("2026-12-07"), "\(report.prefix(600))")
    }

    /// An absence is listed with its number and can be withdrawn (audited), with the re-plan to run.
    @Test func anAbsenceIsListedAndWithdrawn() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        try await run(["specialist", "absent", "salt-3", "--from", "2026-12-02", "--to", "2026-12-03", "--reason", "sick"])
        let listed = try await run(["specialist", "absences", "salt-3"])
        #expect(listed.contains("salt-3") && listed.contains("2026-12-02") && listed.contains("sick"), "\(listed)")
        let store = try AppDatabase.open(path: db)
        let absence = try #require(try store.calendar.absences(specialist: "salt-3").first)
        let said = try await run(["specialist", "withdraw", "\(absence.id)", "--reason", "came back"])
        #expect(said.contains("--week 2026-11-30 --replan"), "\(said)")
        #expect(try store.calendar.absences().isEmpty)
        #expect(try store.auditLog(entity: "specialist").contains { $0.action == "withdraw_leave" && $0.detail.contains("came back") })
        await #expect(throws: ExitCode(2)) { try await run(["specialist", "withdraw", "\(absence.id)"]) }
    }

    /// A morning away, corrected to two whole days; a leader's override, set and cleared.
    @Test func aHalfDayIsCorrectedAndAReferralPutFirst() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        let morning = try await run(["specialist", "absent", "salt-3", "--from", "2026-12-02", "--part", "morning", "--reason", "dentist"])
        #expect(morning.contains("the morning of 2026-12-02"), "\(morning)")
        await #expect(throws: ExitCode(2)) { try await run(["specialist", "absent", "salt-3", "--from", "2026-12-02", "--part", "evening"]) }
        await #expect(throws: ExitCode(2), "the use case's rules hold on the command line too") {
            try await run(["specialist", "absent", "salt-3", "--from", "2026-12-02", "--reason", " "])
        }
        let store = try AppDatabase.open(path: db)
        let absence = try #require(try store.calendar.absences(specialist: "salt-3").first)
        #expect(try await run(["specialist", "absences", "salt-3"]).contains("the morning"))
        let fixed = try await run(["specialist", "correct", "\(absence.id)", "--from", "2026-12-02", "--to", "2026-12-03", "--reason", "ill"])
        #expect(fixed.contains("2026-12-02 to 2026-12-03") && fixed.contains("--replan"), "\(fixed)")
        #expect(try store.calendar.absences(specialist: "salt-3").first?.leave.part == .whole)
        let waiting = try #require(try store.referrals.all(statuses: [.waiting]).last)
        let put = try await run(["referral", "override", "\(waiting.id)", "--week", "2026-12-09", "--reason", "tribunal"])
        #expect(put.contains("to be booked in the week of 2026-12-07"), "\(put)")
        await #expect(throws: ExitCode(2)) { try await run(["referral", "override", "\(waiting.id)"]) }  // no reason
        #expect(try await run(["referral", "override", "\(waiting.id)", "--clear"]).contains("override removed"))
    }
}
