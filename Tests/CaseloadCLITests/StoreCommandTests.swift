import ArgumentParser
import CaseloadCore
import CaseloadStore
import Foundation
import Testing

@testable import CaseloadCLI

/// Runs the real subcommands on a real database file in a temporary folder.
/// A temporary folder with a database path, and the real commands run against it.
protocol CommandHarness {
    var folder: URL { get }
}

extension CommandHarness {
    var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    var db: String { folder.appendingPathComponent("t.sqlite").path }
    var common: [String] { ["--db", db, "--config", root.appendingPathComponent("Config/trust.yaml").path, "--actor", "test"] }

    /// Runs the command as of `asOf` (a date, or a date and time of day).
    func run(_ args: [String], asOf: String = "2026-11-23") throws {
        var command = try CaseloadCommand.parseAsRoot(args + common + ["--as-of", asOf])
        try command.run()
    }
}

@Suite struct StoreCommandTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func giasImportWithABadRowWritesNothingUnlessTold() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(["init"])
        let gias = root.appendingPathComponent("Fixtures/gias/edubasealldata_sample.csv").path
        #expect(throws: ExitCode(2)) { try run(["import", "schools", gias, "--trust", "The Kemnal Academies Trust"]) }
        #expect(try AppDatabase.open(path: db).schools().isEmpty)
        try run(["import", "schools", gias, "--trust", "The Kemnal Academies Trust", "--skip-bad-rows"])
        #expect(try AppDatabase.open(path: db).schools().count == 41)
    }

    @Test func demoLoadsTheTrustAndReferralsMoveThroughTheirLife() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        let store = try AppDatabase.open(path: db)
        #expect(try store.schools().count == 41)
        #expect(try store.specialists().count == 20)
        #expect(try store.referrals().count == 1_000)
        try run([
            "referral", "add", "--school", "136156", "--pupil-ref", "H-2026-77", "--year", "8", "--service", "SALT",
            "--area", "communication_interaction", "--severity", "4", "--apdr", "1", "--consent", "yes",
        ])
        let added = try #require(try store.referrals(school: "136156").last)
        #expect(added.request.pupilRef == "H-2026-77" && added.status == .waiting && added.pathway == "therapy_block")
        try run(["referral", "hold", "\(added.id)", "--note", "pupil away"])
        #expect(throws: ExitCode(2)) { try run(["referral", "hold", "\(added.id)"]) }
        try run(["referral", "reopen", "\(added.id)"])
        try run(["waitlist", "--service", "SALT", "--school", "136156", "--format", "json"])
        #expect(try store.auditLog(entity: "referral", id: "\(added.id)").map(\.actor) == ["test", "test", "test"])
    }

    @Test func nameAsPupilReferenceIsRefused() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(["init"])
        #expect(throws: ExitCode(2)) {
            try run([
                "referral", "add", "--school", "136156", "--pupil-ref", "Jane Smith", "--year", "8", "--service", "SALT",
                "--area", "communication_interaction", "--severity", "4", "--apdr", "1", "--consent", "yes",
            ])
        }
    }
}

@Suite struct ScheduleCommandTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func weeklyJobFromTheCommandLine() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        let scenario = folder.appendingPathComponent("w.json").path
        try run(["schedule", "--week", "2026-11-30", "--export-scenario", scenario, "--seed", "2", "--iterations", "100"])
        let projection = try #require(
            try AppDatabase.open(path: db).projection(today: CalendarDate("2026-11-23")!), "the weekly job refreshes the promises")
        #expect(projection.weeks.count == 12 && !projection.firstWeek.isEmpty)
        #expect(FileManager.default.fileExists(atPath: scenario))
        #expect(throws: ExitCode(2)) { try run(["schedule", "--week", "2026-12-01"]) }
        try run(["timetable", "publish", "--week", "2026-11-30"])
        #expect(throws: ExitCode(2)) { try run(["schedule", "--week", "2026-11-30"]) }
        let store = try AppDatabase.open(path: db)
        let week = try #require(try store.timetable(week: CalendarDate("2026-11-30")!))
        let booking = try #require(week.bookings.first { $0.day == .mon })
        let record = ["session", "record", "--week", "2026-11-30", "--referral", "\(booking.referral)", "--outcome", "delivered"]
        #expect(throws: ExitCode(2)) { try run(record) }  // before the session's day
        try run(record, asOf: "2026-11-30T16:00")
        #expect(throws: ExitCode(2)) { try run(record, asOf: "2026-11-30T16:00") }  // already recorded
        #expect(throws: ExitCode(2)) {
            try run(["session", "record", "--day", "2026-11-30", "--referral", "\(booking.referral)", "--outcome", "lost"], asOf: "2026-11-30")
        }
        let others = week.bookings.filter { $0.day == .mon && $0.referral != booking.referral }.prefix(3)
        let file = folder.appendingPathComponent("monday.csv")
        try ("referral,outcome\n" + others.map { "\($0.referral),pupil_absent\n" }.joined()).write(to: file, atomically: true, encoding: .utf8)
        try run(["session", "record", "--day", "2026-11-30", "--file", file.path], asOf: "2026-11-30T16:00")
        #expect(others.allSatisfy { (try? store.timetable(week: CalendarDate("2026-11-30")!)?.outcomes[$0.referral]) == .pupilAbsent })
        try run(
            [
                "session", "correct", "--day", "2026-11-30", "--referral", "\(booking.referral)", "--outcome", "pupil_absent",
                "--reason", "recorded against the wrong pupil",
            ], asOf: "2026-11-30T16:00")
        try run(["specialist", "absent", booking.specialist, "--from", "2026-12-02"])
        try run(["schedule", "--week", "2026-11-30", "--replan", "--iterations", "100", "--no-project"], asOf: "2026-12-01T08:00")
        let replanned = try #require(try store.timetable(week: CalendarDate("2026-11-30")!))
        #expect(Set(replanned.bookings.filter { $0.day == .mon }) == Set(week.bookings.filter { $0.day == .mon }))
        #expect(replanned.outcomes[booking.referral] == .pupilAbsent)
        try run(["timetable", "show", "--week", "2026-11-30", "--school", booking.school, "--format", "csv"])
        try run(["timetable", "explain", "--week", "2026-11-30", "--school", booking.school])
        try run(["timetable", "summary", "--week", "2026-11-30"])
        #expect(try store.auditLog(entity: "timetable").map(\.action) == ["schedule", "publish", "replan"])
    }
}

/// The README's import commands, as written, on a fresh database; and the example files.
@Suite struct ImportReadmeTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func bundledFilesImportAsTheReadmeShows() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(["init"])
        let schools = root.appendingPathComponent("Fixtures/schools/the_kemnal_academies_trust.csv").path
        let sen = root.appendingPathComponent("Fixtures/schools/the_kemnal_academies_trust_sen_extra.csv").path
        #expect(throws: ExitCode(2)) { try run(["import", "schools", schools, "--sen", sen]) }  // one school has no coordinates
        try run(["import", "schools", schools, "--sen", sen, "--skip-bad-rows"])
        try run(["import", "specialists", root.appendingPathComponent("Fixtures/trust/roster.csv").path])
        let referrals = root.appendingPathComponent("Fixtures/trust/referrals.csv").path
        #expect(throws: ExitCode(2)) { try run(["import", "referrals", referrals]) }  // receipts older than 12 weeks
        try run(["import", "referrals", referrals, "--existing-list"])
        let store = try AppDatabase.open(path: db)
        #expect(try store.auditLog(entity: "referral").contains { $0.action == "import_existing_list" })
        #expect(try store.schools().count == 41)
        #expect(try store.specialists().count == 20)
        #expect(try store.referrals().count == 1_000)
        try run(["import", "schools", root.appendingPathComponent("Fixtures/examples/schools.csv").path])
        #expect(try store.schools().first { $0.urn == "900001" }?.address == "1 School Lane, Truro")
        try run(["import", "specialists", root.appendingPathComponent("Fixtures/examples/roster.yaml").path])
        #expect(try store.specialists().contains { $0.specialist.id == "salt-9" && $0.specialist.days.map(\.day) == [.tue, .fri] })
    }

    @Test func aBadRosterOrReferralFileWritesNothingUnlessToldToSkip() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(["init"])
        try run(["import", "schools", root.appendingPathComponent("Fixtures/examples/schools.csv").path])
        let roster = folder.appendingPathComponent("roster.csv")
        try "id,service,base_urn,days\nep-1,EP,900001,mon;tue\nep 2,EP,900001,sat\not-1,OT,900001,mon\n".write(
            to: roster, atomically: true, encoding: .utf8)
        #expect(throws: ExitCode(2)) { try run(["import", "specialists", roster.path]) }
        let store = try AppDatabase.open(path: db)
        #expect(try store.specialists().isEmpty)
        try run(["import", "specialists", roster.path, "--skip-bad-rows"])
        #expect(try store.specialists().map(\.specialist.id) == ["ep-1"])
        let referrals = folder.appendingPathComponent("referrals.csv")
        try """
        school,pupil_ref,year_group,service,area,severity,consent,flag
        900001,P-1,3,EP,semh,4,yes,safeguarding
        """.write(to: referrals, atomically: true, encoding: .utf8)
        #expect(throws: ExitCode(2)) { try run(["import", "referrals", referrals.path]) }  // `flag` is not a column
        #expect(try store.referrals().isEmpty)
    }
}

/// Files handled with care: nothing is migrated, deleted or overwritten that is not what it should be.
@Suite struct FileCareTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func emptyForeignAndMissingDatabasesAreRefusedNeverMigrated() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        FileManager.default.createFile(atPath: db, contents: Data())
        #expect(throws: ExitCode(2)) { try run(["waitlist"]) }
        #expect(throws: (any Error).self) { try AppDatabase.open(path: db) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)).isEmpty)  // still empty: never migrated
        try Data("name,urn\n".utf8).write(to: URL(fileURLWithPath: db))
        #expect(throws: ExitCode(2)) { try run(["waitlist"]) }
        try FileManager.default.removeItem(atPath: db)
        #expect(throws: ExitCode(2)) { try run(["waitlist"]) }
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func replaceAndOutRefuseWhatTheyMustNotTouch() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let keep = folder.appendingPathComponent("keep.txt")
        try Data("precious".utf8).write(to: keep)
        var demo = try CaseloadCommand.parseAsRoot([
            "demo", "--replace", "--db", folder.path, "--fixtures", root.appendingPathComponent("Fixtures").path,
        ])
        #expect(throws: ExitCode(2)) { try demo.run() }
        #expect(FileManager.default.fileExists(atPath: keep.path))  // the folder was not deleted
        try run(["init"])
        for out in [db, db + "-wal", folder.path, "/dev/null"] {
            #expect(throws: ExitCode(2), "\(out)") {
                var plan = try CaseloadCommand.parseAsRoot([
                    "plan", root.appendingPathComponent("Fixtures/weeks/kemnal-w50-lean.json").path,
                    "--out", out, "--iterations", "10",
                ])
                try plan.run()
            }
        }
        #expect(try AppDatabase.open(path: db).schools().isEmpty)  // the database is intact
    }

    @Test func impossibleSchoolsAreRefused() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(["init"])
        let rows = [
            "900001,Far Away,Primary,123.4,0.1,200", "900002,Minus,Primary,51.4,0.1,-5", "900003,,Primary,51.4,0.1,200",
            "900004,=HYPERLINK(\"x\"),Primary,51.4,0.1,200", "900005,\"Two\rLines\",Primary,51.4,0.1,200",
        ]
        for row in rows {
            let file = folder.appendingPathComponent("s.csv")
            try ("urn,name,phase,latitude,longitude,pupils\n" + row + "\n").write(to: file, atomically: true, encoding: .utf8)
            #expect(throws: ExitCode(2), "\(row)") { try run(["import", "schools", file.path]) }
        }
        #expect(try AppDatabase.open(path: db).schools().isEmpty)
    }
}
