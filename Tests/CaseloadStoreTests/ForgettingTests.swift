import CaseloadCore
import CaseloadStore
import CaseloadTestSupport
import Foundation
import GRDB
import Testing

/// Erasure and retention forget for good: while another connection (the server) keeps the file
/// open, neither the database file nor its write-ahead log still holds an erased reference.
@Suite struct ForgettingTests {
    /// The bytes of the database file and its `-wal` file.
    func bytes(_ path: String) -> Data {
        [path, path + "-wal"].reduce(into: Data()) { all, file in all += FileManager.default.contents(atPath: file) ?? Data() }
    }

    func holds(_ path: String, _ text: String) -> Bool { bytes(path).range(of: Data(text.utf8)) != nil }

    @Test func anErasedPupilIsInNeitherTheFileNorItsLog() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("caseload.sqlite")
        _ = try demoTrust(at: path)
        let cli = try Connected.file(path)
        let server = try AppDatabase.open(path: path)  // the server holds the file open throughout
        #expect(try cli.raw.read { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 1, "freed space is zeroed")
        let pupil = try #require(try server.referrals.all(statuses: [.waiting]).first)
        _ = try server.referrals.changeStatus(pupil.id, to: .withdrawn, note: "left the school", stamp: testStamp)
        _ = try server.referrals.all()
        try cli.raw.writeWithoutTransaction { _ = try $0.checkpoint(.passive) }  // the reference is now in the file itself
        #expect(holds(path, pupil.request.pupilRef), "the test looks for the right bytes")

        _ = try server.pupils.erasePupil(school: pupil.request.school, pupilRef: pupil.request.pupilRef, reason: "request", stamp: testStamp)
        _ = try server.referrals.all()
        #expect(!holds(path, pupil.request.pupilRef))
        #expect(!holds(path, "left the school"), "the status note goes too")
    }

    @Test func retentionRunFromTheCommandLineForgetsWhileTheServerRuns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("caseload.sqlite")
        _ = try demoTrust(at: path)
        let server = try AppDatabase.open(path: path)
        _ = try server.referrals.all()
        let cli = try AppDatabase.open(path: path)
        let rule = RetentionRule(closedYears: 1, declinedYears: 1)
        let due = try cli.pupils.retentionDue(rule, today: CalendarDate("2030-01-01")!)
        #expect(due.count > 10)
        let refs = try due.map { try cli.referrals.find($0.referral).request.pupilRef }
        let still = try Set(cli.referrals.all(statuses: [.waiting, .active, .onHold]).map(\.request.pupilRef))
        let gone = refs.filter { !still.contains($0) }  // a pupil with another open referral keeps that one
        #expect(!gone.isEmpty)
        _ = try cli.pupils.applyRetention(due.map(\.referral), rule: rule, stamp: testStamp)
        _ = try server.referrals.all()
        #expect(gone.filter { holds(path, $0) }.isEmpty)
    }
}
