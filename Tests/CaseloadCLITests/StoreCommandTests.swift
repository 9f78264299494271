import ArgumentParser
import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@testable import CaseloadCLI

@Suite struct StoreCommandTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func giasImportWithABadRowWritesNothingUnlessTold() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["init"])
        let gias = root.appendingPathComponent("Fixtures/gias/edubasealldata_sample.csv").path
        await #expect(throws: ExitCode(2)) { try await run(["import", "schools", gias, "--trust", "The Kemnal Academies Trust"]) }
        #expect(try AppDatabase.open(path: db).roster.schools().isEmpty)
        try await run(["import", "schools", gias, "--trust", "The Kemnal Academies Trust", "--skip-bad-rows"])
        #expect(try AppDatabase.open(path: db).roster.schools().count == 41)
    }

    @Test func demoLoadsTheTrustAndReferralsMoveThroughTheirLife() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        let store = try AppDatabase.open(path: db)
        #expect(try store.roster.schools().count == 41)
        #expect(try store.roster.specialists().count == 20)
        #expect(try store.referrals.all().count == 1_000)
        let answer = try await run([
            "referral", "add", "--school", "136156", "--pupil-ref", "H-2026-77", "--year", "8", "--service", "SALT",
            "--area", "communication_interaction", "--severity", "4", "--apdr", "1", "--consent", "yes",
        ])
        let added = try #require(try store.referrals.all(school: "136156").last)
        #expect(added.request.pupilRef == "H-2026-77" && added.status == .waiting && added.pathway == "therapy_block")
        #expect(answer.hasPrefix("referral \(added.id): pupil H-2026-77 (year 8) at Havant Academy (136156), SALT therapy_block"), "\(answer)")
        #expect(answer.contains("status waiting") && answer.contains("on the SALT waiting list at position"))
        #expect(try await run(["referral", "hold", "\(added.id)", "--note", "pupil away"]) == "referral \(added.id) is now on_hold\n")
        let twice = await attempt(["referral", "hold", "\(added.id)"])
        #expect(twice.status == 2 && twice.output.isEmpty && twice.errors == "caseload: referral \(added.id) is already on_hold\n")
        #expect(try await run(["referral", "reopen", "\(added.id)"]) == "referral \(added.id) is now waiting\n")
        let json = try await run(["waitlist", "--service", "SALT", "--school", "136156", "--format", "json"])
        let list = try JSONDecoder().decode(ListDTO<WaitingDTO>.self, from: Data(json.utf8))
        #expect(list.items.contains { $0.referral == added.id } && list.total == list.items.count)
        #expect(list.items.allSatisfy { $0.school == "136156" && $0.service == "SALT" })
        #expect(try store.auditLog(entity: "referral", id: "\(added.id)").map(\.actor) == ["test", "test", "test"])
    }

    @Test func nameAsPupilReferenceIsRefused() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["init"])
        await #expect(throws: ExitCode(2)) {
            try await run([
                "referral", "add", "--school", "136156", "--pupil-ref", "Jane Smith", "--year", "8", "--service", "SALT",
                "--area", "communication_interaction", "--severity", "4", "--apdr", "1", "--consent", "yes",
            ])
        }
    }
}

@Suite struct ScheduleCommandTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func weeklyJobFromTheCommandLine() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        let scenario = folder.appendingPathComponent("w.json").path
        let planned = try await run(["schedule", "--week", "2026-11-30", "--export-scenario", scenario, "--seed", "2", "--iterations", "100"])
        #expect(planned.hasPrefix("projected the waiting list over 12 term weeks"), "\(planned)")
        #expect(planned.contains("planned the week of 2026-11-30 (draft):") && !planned.contains("served priority 0 "), "\(planned)")
        let projection = try #require(
            try AppDatabase.open(path: db).referrals.projection(today: CalendarDate("2026-11-23")!), "the weekly job refreshes the promises")
        #expect(projection.weeks.count == 12 && !projection.firstWeek.isEmpty)
        #expect(FileManager.default.fileExists(atPath: scenario))
        await #expect(throws: ExitCode(2)) { try await run(["schedule", "--week", "2026-12-01"]) }
        try await run(["timetable", "publish", "--week", "2026-11-30"])
        await #expect(throws: ExitCode(2)) { try await run(["schedule", "--week", "2026-11-30"]) }
        let store = try AppDatabase.open(path: db)
        let week = try #require(try store.timetables.timetable(week: CalendarDate("2026-11-30")!))
        let booking = try #require(week.bookings.first { $0.day == .mon })
        let record = ["session", "record", "--week", "2026-11-30", "--referral", "\(booking.referral)", "--outcome", "delivered"]
        await #expect(throws: ExitCode(2)) { try await run(record) }  // before the session's day
        try await run(record, asOf: "2026-11-30T16:00")
        await #expect(throws: ExitCode(2)) { try await run(record, asOf: "2026-11-30T16:00") }  // already recorded
        await #expect(throws: ExitCode(2)) {
            try await run(["session", "record", "--day", "2026-11-30", "--referral", "\(booking.referral)", "--outcome", "lost"], asOf: "2026-11-30")
        }
        let others = week.bookings.filter { $0.day == .mon && $0.referral != booking.referral }.prefix(3)
        let file = folder.appendingPathComponent("monday.csv")
        try ("referral,outcome\n" + others.map { "\($0.referral),pupil_absent\n" }.joined()).write(to: file, atomically: true, encoding: .utf8)
        try await run(["session", "record", "--day", "2026-11-30", "--file", file.path], asOf: "2026-11-30T16:00")
        #expect(others.allSatisfy { (try? store.timetables.timetable(week: CalendarDate("2026-11-30")!)?.outcomes[$0.referral]) == .pupilAbsent })
        try await run(
            [
                "session", "correct", "--day", "2026-11-30", "--referral", "\(booking.referral)", "--outcome", "pupil_absent",
                "--reason", "recorded against the wrong pupil",
            ], asOf: "2026-11-30T16:00")
        try await run(["specialist", "absent", booking.specialist, "--from", "2026-12-02"])
        await #expect(throws: ExitCode(2), "a re-plan of a published week needs confirming") {
            try await run(["schedule", "--week", "2026-11-30", "--replan", "--iterations", "100", "--no-project"], asOf: "2026-12-01T08:00")
        }
        let preview = try await run(
            ["schedule", "--week", "2026-11-30", "--replan", "--preview", "--iterations", "100", "--no-project"], asOf: "2026-12-01T08:00")
        #expect(preview.contains("would move") && preview.contains("nothing was changed"), "\(preview)")
        try await run(["schedule", "--week", "2026-11-30", "--replan", "--confirm", "--iterations", "100", "--no-project"], asOf: "2026-12-01T08:00")
        let replanned = try #require(try store.timetables.timetable(week: CalendarDate("2026-11-30")!))
        #expect(Set(replanned.bookings.filter { $0.day == .mon }) == Set(week.bookings.filter { $0.day == .mon }))
        #expect(replanned.outcomes[booking.referral] == .pupilAbsent)
        let csv = try await run(["timetable", "show", "--week", "2026-11-30", "--school", booking.school, "--format", "csv"])
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first == Substring((TimetableRows.columns + ["status"]).joined(separator: ",")))
        #expect(lines.count > 1 && lines.dropFirst().allSatisfy { $0.contains(",\(booking.school),") && $0.hasSuffix(",published") })
        try await run(["timetable", "explain", "--week", "2026-11-30", "--school", booking.school])
        try await run(["timetable", "summary", "--week", "2026-11-30"])
        #expect(try store.auditLog(entity: "timetable").map(\.action) == ["schedule", "publish", "replan"])
    }
}

/// The README's import commands, as written, on a fresh database; and the example files.
@Suite struct ImportReadmeTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func bundledFilesImportAsTheReadmeShows() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["init"])
        let schools = root.appendingPathComponent("Fixtures/schools/the_kemnal_academies_trust.csv").path
        let sen = root.appendingPathComponent("Fixtures/schools/the_kemnal_academies_trust_sen_extra.csv").path
        await #expect(throws: ExitCode(2)) { try await run(["import", "schools", schools, "--sen", sen]) }  // one school has no coordinates
        try await run(["import", "schools", schools, "--sen", sen, "--skip-bad-rows"])
        try await run(["import", "specialists", root.appendingPathComponent("Fixtures/trust/roster.csv").path])
        let referrals = root.appendingPathComponent("Fixtures/trust/referrals.csv").path
        await #expect(throws: ExitCode(2)) { try await run(["import", "referrals", referrals]) }  // receipts older than 12 weeks
        try await run(["import", "referrals", referrals, "--existing-list"])
        let store = try AppDatabase.open(path: db)
        #expect(try store.auditLog(entity: "referral").contains { $0.action == "import_existing_list" })
        #expect(try store.roster.schools().count == 41)
        #expect(try store.roster.specialists().count == 20)
        #expect(try store.referrals.all().count == 1_000)
        try await run(["import", "schools", root.appendingPathComponent("Fixtures/examples/schools.csv").path])
        #expect(try store.roster.schools().first { $0.urn == "900001" }?.address == "1 School Lane, Truro")
        try await run(["import", "specialists", root.appendingPathComponent("Fixtures/examples/roster.yaml").path])
        #expect(try store.roster.specialists().contains { $0.specialist.id == "salt-9" && $0.specialist.days.map(\.day) == [.tue, .fri] })
    }

    @Test func aBadRosterOrReferralFileWritesNothingUnlessToldToSkip() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["init"])
        try await run(["import", "schools", root.appendingPathComponent("Fixtures/examples/schools.csv").path])
        let roster = folder.appendingPathComponent("roster.csv")
        try "id,service,base_urn,days\nep-1,EP,900001,mon;tue\nep 2,EP,900001,sat\not-1,OT,900001,mon\n".write(
            to: roster, atomically: true, encoding: .utf8)
        await #expect(throws: ExitCode(2)) { try await run(["import", "specialists", roster.path]) }
        let store = try AppDatabase.open(path: db)
        #expect(try store.roster.specialists().isEmpty)
        try await run(["import", "specialists", roster.path, "--skip-bad-rows"])
        #expect(try store.roster.specialists().map(\.specialist.id) == ["ep-1"])
        let referrals = folder.appendingPathComponent("referrals.csv")
        try """
        school,pupil_ref,year_group,service,area,severity,consent,flag
        900001,P-1,3,EP,semh,4,yes,safeguarding
        """.write(to: referrals, atomically: true, encoding: .utf8)
        await #expect(throws: ExitCode(2)) { try await run(["import", "referrals", referrals.path]) }  // `flag` is not a column
        #expect(try store.referrals.all().isEmpty)
    }
}

/// Files handled with care: nothing is migrated, deleted or overwritten that is not what it should be.
@Suite struct FileCareTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func emptyForeignAndMissingDatabasesAreRefusedNeverMigrated() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        FileManager.default.createFile(atPath: db, contents: Data())
        await #expect(throws: ExitCode(2)) { try await run(["waitlist"]) }
        #expect(throws: (any Error).self) { try AppDatabase.open(path: db) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)).isEmpty)  // still empty: never migrated
        try Data("name,urn\n".utf8).write(to: URL(fileURLWithPath: db))
        await #expect(throws: ExitCode(2)) { try await run(["waitlist"]) }
        try FileManager.default.removeItem(atPath: db)
        await #expect(throws: ExitCode(2)) { try await run(["waitlist"]) }
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func replaceAndOutRefuseWhatTheyMustNotTouch() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let keep = folder.appendingPathComponent("keep.txt")
        try Data("precious".utf8).write(to: keep)
        let demo = await caseload(["demo", "--replace", "--db", folder.path, "--fixtures", root.appendingPathComponent("Fixtures").path])
        #expect(demo.status == 2 && demo.errors.contains(folder.path))
        #expect(FileManager.default.fileExists(atPath: keep.path))  // the folder was not deleted
        try await run(["init"])
        for out in [
            db, db + "-wal", folder.path, "/dev/null", "/dev/full", "/proc/self/plan.json", folder.appendingPathComponent("none/x.json").path,
        ] {
            let plan = await caseload([
                "plan", root.appendingPathComponent("Fixtures/weeks/kemnal-w50-lean.json").path, "--out", out, "--iterations", "10",
            ])
            #expect(plan.status == 2, "\(out)")
        }
        let export = await caseload(["pupil", "export", "--school", "100001", "--pupil-ref", "P-1", "--out", "/dev/full"])
        #expect(export.status == 2 && export.errors.contains("system folder"), "\(export.errors)")
        #expect(!FileManager.default.fileExists(atPath: "/dev/full.json"))
        #expect(try AppDatabase.open(path: db).roster.schools().isEmpty)  // the database is intact
    }

    @Test func impossibleSchoolsAreRefused() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["init"])
        let rows = [
            "900001,Far Away,Primary,123.4,0.1,200", "900002,Minus,Primary,51.4,0.1,-5", "900003,,Primary,51.4,0.1,200",
            "900004,=HYPERLINK(\"x\"),Primary,51.4,0.1,200", "900005,\"Two\rLines\",Primary,51.4,0.1,200",
        ]
        for row in rows {
            let file = folder.appendingPathComponent("s.csv")
            try ("urn,name,phase,latitude,longitude,pupils\n" + row + "\n").write(to: file, atomically: true, encoding: .utf8)
            await #expect(throws: ExitCode(2), "\(row)") { try await run(["import", "schools", file.path]) }
        }
        #expect(try AppDatabase.open(path: db).roster.schools().isEmpty)
    }
}

/// One error mapping: bad input exits 2 with advice in commands; a failure exits 1.
@Suite struct ErrorReportTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func badInputIsStatusTwoWithACommandToRunAndAnUnreadableRowIsAFailure() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = await attempt(["referral", "show", "7"])
        #expect(missing.status == 2 && missing.errors.contains("there is no database at \(db)") && missing.errors.contains("`caseload init`"))
        _ = try demoTrust(at: db)
        let unknown = await attempt(["referral", "show", "99999"])
        #expect(
            unknown.status == 2
                && unknown.errors == "caseload: no referral 99999; list them with `caseload waitlist` or `caseload referral show ID`\n")
        let week = await attempt(["timetable", "publish", "--week", "2026-11-30"])
        #expect(week.status == 2 && week.errors.contains("`caseload schedule --week 2026-11-30`"), "\(week.errors)")
        let sql = "import sqlite3; c = sqlite3.connect('\(db)'); c.execute(\"UPDATE referral SET status = 'lost' WHERE id = 5\"); c.commit()"
        #expect(try runTool(["python3", "-c", sql]).status == 0)
        let broken = await attempt(["referral", "show", "5"])
        #expect(broken.status == 1 && broken.errors.contains("referral 5 has an unreadable status \"lost\""), "\(broken.errors)")
        let typo = await attempt(["referral", "shwo", "5"])
        #expect(typo.status == 64 && typo.errors.contains("Usage: caseload referral <subcommand>"))
    }
}
