import ArgumentParser
import CaseloadCore
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@testable import CaseloadCLI

/// What a data protection officer runs: backup, check-db, restore, retention, and a pupil's
/// export and erasure, each through the real command line.
@Suite struct DataProtectionCommandTests: CommandHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("caseload-cli-\(UUID().uuidString)")

    @Test func backupCheckRestoreAndAPupilsExportAndErasure() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(["demo", "--fixtures", root.appendingPathComponent("Fixtures").path])
        let copy = folder.appendingPathComponent("b.sqlite").path
        #expect(try await run(["backup", "--to", copy]).contains("integrity ok, schema \"\(AppDatabase.currentSchema)\""))
        let check = try await run(["check-db"])
        #expect(check.contains("integrity ok") && check.contains("referral: "), "\(check)")
        #expect(await attempt(["backup", "--to", copy]).status == 2, "an existing backup is not overwritten unasked")

        let pupil = try #require(try AppDatabase.open(path: db).referrals.all(statuses: [.declined]).first?.request)
        let out = folder.appendingPathComponent("sar").path
        _ = try await run(["pupil", "export", "--school", pupil.school, "--pupil-ref", pupil.pupilRef, "--out", out])
        #expect(try String(contentsOfFile: out + ".html", encoding: .utf8).contains(pupil.pupilRef))
        #expect(try String(contentsOfFile: out + ".json", encoding: .utf8).contains("\"pupil_ref\" : \"\(pupil.pupilRef)\""))
        let erased = try await run(["pupil", "erase", "--school", pupil.school, "--pupil-ref", pupil.pupilRef, "--reason", "parent's request"])
        #expect(erased.hasPrefix("erased the pupil's data"))
        #expect(await attempt(["pupil", "export", "--school", pupil.school, "--pupil-ref", pupil.pupilRef]).status == 2)

        let dry = try await run(["retention", "--dry-run"], asOf: "2034-01-01")
        #expect(dry.contains("referrals are due") && dry.contains("nothing changed"), "\(dry)")
        #expect(await attempt(["retention"]).status == 64, "one of --dry-run or --apply")

        _ = try await run(["restore", copy])
        #expect(FileManager.default.fileExists(atPath: db + ".before-restore"))
        let back = try AppDatabase.open(path: db).referrals.all().contains { $0.request.pupilRef == pupil.pupilRef }
        #expect(back, "the restored database is the one backed up, before the erasure")
        let bad = folder.appendingPathComponent("notes.txt").path
        try "hello".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = await attempt(["restore", bad])
        #expect(refused.status == 2 && refused.errors.contains("not a SQLite database"), "\(refused.errors)")
    }
}
