import CaseloadCore
import CaseloadStore
import CaseloadTestSupport
import Foundation
import GRDB
import Synchronization
import Testing

/// Backups taken while the server writes, restored whole; files that are not ours, or are from
/// a newer Caseload, refused with nothing replaced.
@Suite struct BackupTests {
    @Test func aBackupTakenWhileEightWritersSubmitRestoresEveryAcknowledgedReferral() throws {
        let tmp = TemporaryDatabase()
        defer { tmp.cleanup() }
        let db = try tmp.open()
        try db.roster.importSchools((1...8).map { school("10000\($0)") }, stamp: stamp)
        let acknowledged = Mutex<[Int64]>([])
        let stop = Atomic<Bool>(false)
        let group = DispatchGroup()
        for w in 1...8 {
            DispatchQueue.global().async(group: group) {
                var n = 0
                while !stop.load(ordering: .relaxed) {
                    n += 1
                    let r = request(school: "10000\(w)", pupil: "W\(w)-\(n)")
                    if let saved = try? db.referrals.submit(r, decision: Threshold(config).evaluate(r), stamp: stamp) {
                        acknowledged.withLock { $0.append(saved.id) }
                    }
                }
            }
        }
        while acknowledged.withLock({ $0.count }) < 200 { usleep(2_000) }
        let before = Set(acknowledged.withLock { $0 })
        let backup = tmp.folder.appendingPathComponent("backup.sqlite").path
        let report = try db.backup(to: backup)
        stop.store(true, ordering: .relaxed)
        group.wait()
        #expect(report.integrity == "ok" && report.schema == AppDatabase.currentSchema && !report.schema.isEmpty)

        let restoredPath = tmp.folder.appendingPathComponent("restored.sqlite").path
        let restored = try AppDatabase.restore(from: backup, to: restoredPath)
        #expect(restored.integrity == "ok")
        let ids = Set(try AppDatabase.open(path: restoredPath).referrals.all().map(\.id))
        #expect(before.isSubset(of: ids), "\(before.subtracting(ids).count) acknowledged referrals are missing")
        #expect(acknowledged.withLock { $0.count } > before.count, "the writers went on during the backup")
    }

    @Test func restoreRefusesAFileThatIsNotCaseloadsOrIsNewerAndReplacesNothing() throws {
        let tmp = TemporaryDatabase()
        defer { tmp.cleanup() }
        let db = try tmp.open()
        try db.roster.importSchools([school("100001")], stamp: stamp)
        let r = request()
        _ = try db.referrals.submit(r, decision: Threshold(config).evaluate(r), stamp: stamp)
        let folder = tmp.folder
        let text = folder.appendingPathComponent("notes.sqlite").path
        try "not a database".write(toFile: text, atomically: true, encoding: .utf8)
        let other = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE things(id INTEGER)") }
        let newer = folder.appendingPathComponent("newer.sqlite").path
        _ = try db.backup(to: newer)
        try DatabaseQueue(path: newer).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        for (file, says) in [(text, "not a SQLite database"), (other, "not a Caseload one"), (newer, "newer Caseload")] {
            #expect {
                try AppDatabase.restore(from: file, to: tmp.path)
            } throws: { error in
                (error as? StoreError)?.description.contains(says) == true
            }
        }
        #expect(throws: StoreError.self) { try AppDatabase.open(path: newer) }
        #expect(try AppDatabase.open(path: tmp.path).referrals.all().count == 1)
        #expect(!FileManager.default.fileExists(atPath: tmp.path + ".before-restore"))
        #expect(throws: StoreError.self) { try db.backup(to: newer) }  // an existing file is not overwritten unasked
        for careless in [folder.path, text] {  // --replace overwrites a database, never a folder or another file
            #expect(throws: StoreError.self) { try db.backup(to: careless, replace: true) }
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("other.sqlite").path))
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "not a database")
    }
}

/// A backup whose schema was changed outside Caseload (a trigger that copies erased references
/// away, one that stops audit rows being written, an extra view or table) is refused by restore
/// and reported by check-db, though SQLite calls the file sound.
@Suite struct TamperedBackupTests {
    static let tampering = [
        "CREATE TABLE keep (ref TEXT); CREATE TRIGGER copy_refs BEFORE UPDATE OF pupil_ref ON referral BEGIN INSERT INTO keep VALUES (old.pupil_ref); END",
        "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END",
        "CREATE VIEW refs AS SELECT pupil_ref FROM referral",
        "CREATE TABLE notes (x TEXT)",
        "DROP INDEX referral_by_school",
    ]

    @Test(arguments: tampering) func aTamperedBackupIsRefusedAndReported(_ sql: String) throws {
        let tmp = TemporaryDatabase()
        defer { tmp.cleanup() }
        let db = try tmp.open()
        try db.roster.importSchools([school("100001")], stamp: stamp)
        let backup = tmp.folder.appendingPathComponent("backup.sqlite").path
        #expect(try db.backup(to: backup).schemaProblems.isEmpty, "Caseload's own schema passes")
        try DatabaseQueue(path: backup).write { try $0.execute(sql: sql) }

        let report = try AppDatabase.report(path: backup)
        #expect(report.integrity == "ok")
        #expect(!report.schemaProblems.isEmpty, "check-db reports it")
        let target = tmp.folder.appendingPathComponent("target.sqlite").path
        let error = try #require(throws: StoreError.self) { try AppDatabase.restore(from: backup, to: target) }
        #expect(error.description.contains("not as Caseload made it"))
        #expect(!FileManager.default.fileExists(atPath: target), "nothing was restored")
    }

    @Test func aFileFromANewerCaseloadIsRefusedByItsUserVersion() throws {
        let tmp = TemporaryDatabase()
        defer { tmp.cleanup() }
        _ = try tmp.open()
        try DatabaseQueue(path: tmp.path).write { try $0.execute(sql: "PRAGMA user_version = 99") }
        let error = try #require(throws: StoreError.self) { try AppDatabase.open(path: tmp.path) }
        #expect(error.description.contains("newer Caseload"))
    }
}

/// What a backup leaves behind, and where it may write.
@Suite struct BackupLeftoverTests {
    @Test func aBackupRemovesTheCopyAnInterruptedOneLeftAndNothingElse() throws {
        let tmp = TemporaryDatabase()
        defer { tmp.cleanup() }
        let db = try tmp.open()
        let backup = tmp.folder.appendingPathComponent("nightly.sqlite").path
        let old = Date().addingTimeInterval(-3600)
        for leftover in [".partial-0a1b2c3d", ".partial-0a1b2c3d-wal", ".partial-99999999"] {
            FileManager.default.createFile(atPath: backup + leftover, contents: Data("pupil data".utf8))
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: backup + leftover)
        }
        let fresh = backup + ".partial-12345678"  // another backup in the making
        let unrelated = backup + ".partial-notes.txt"
        for file in [fresh, unrelated] { FileManager.default.createFile(atPath: file, contents: Data()) }
        _ = try db.backup(to: backup)
        let names = try FileManager.default.contentsOfDirectory(atPath: tmp.folder.path).filter { $0.hasPrefix("nightly") }.sorted()
        #expect(names == ["nightly.sqlite", "nightly.sqlite.partial-12345678", "nightly.sqlite.partial-notes.txt"])
    }

    @Test(arguments: ["/dev/full", "/dev/shm/x.sqlite", "/proc/self/x", "/no/such/folder/x.sqlite"])
    func aBackupGoesOnlyIntoAnOrdinaryFolder(_ path: String) throws {
        let db = try AppDatabase.inMemory()
        #expect(FilePlace.problem(path) != nil)
        #expect(throws: StoreError.self) { try db.backup(to: path) }
    }
}
