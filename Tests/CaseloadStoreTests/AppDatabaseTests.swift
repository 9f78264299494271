import CaseloadCore
import CaseloadStore
import CaseloadTestSupport
import Foundation
import GRDB
import Testing

@Suite struct AppDatabaseTests {
    @Test func migratesAnEmptyFileInWALModeWithForeignKeys() throws {
        let tmp = TemporaryDatabase()
        defer { tmp.cleanup() }
        _ = try tmp.open()
        let connected = try Connected.file(tmp.path)
        let db = connected.db
        #expect(try db.journalMode() == "wal")
        let tables = try connected.raw.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        for t in ["audit_log", "referral", "referral_status", "school", "specialist", "specialist_leave"] { #expect(tables.contains(t)) }
        #expect(try connected.raw.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
        _ = try AppDatabase.open(path: tmp.path)  // opening again is a no-op migration
    }

    @Test func referralIsStoredWithHistoryAndAudit() throws {
        let db = try AppDatabase.inMemory()
        try db.roster.importSchools([school("100001")], stamp: stamp)
        let r = try db.referrals.submit(request(), decision: Threshold(config).evaluate(request()), stamp: stamp)
        #expect(r.status == .waiting && r.score == 30 && r.pathway == "assessment")
        #expect(try db.referrals.find(r.id) == r)
        _ = try db.referrals.changeStatus(r.id, to: .onHold, note: "pupil unwell", stamp: stamp)
        _ = try db.referrals.changeStatus(r.id, to: .waiting, note: "back", stamp: stamp)
        #expect(try db.referrals.history(r.id).map(\.to) == [.waiting, .onHold, .waiting])
        let audit = try db.auditLog(entity: "referral", id: "\(r.id)")
        #expect(audit.map(\.action) == ["submit", "status", "status"])
        #expect(audit.allSatisfy { $0.actor == "test" })
        #expect(try db.auditLog(entity: "school").count == 1)
    }

    @Test func auditLogIsAppendOnly() throws {
        let connected = try Connected.copy(of: AppDatabase.inMemory())
        try connected.db.roster.importSchools([school("100001")], stamp: stamp)
        #expect(throws: DatabaseError.self) { try connected.raw.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        #expect(throws: DatabaseError.self) { try connected.raw.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'x'") } }
    }

    @Test func onlyOneOpenReferralPerPupilAndService() throws {
        let db = try AppDatabase.inMemory()
        try db.roster.importSchools([school("100001")], stamp: stamp)
        let first = try db.referrals.submit(request(), decision: Threshold(config).evaluate(request()), stamp: stamp)
        #expect(throws: StoreError.self) { try db.referrals.submit(request(), decision: Threshold(config).evaluate(request()), stamp: stamp) }
        _ = try db.referrals.changeStatus(first.id, to: .withdrawn, note: "", stamp: stamp)
        let second = try db.referrals.submit(request(), decision: Threshold(config).evaluate(request()), stamp: stamp)
        #expect(throws: StoreError.self) { try db.referrals.changeStatus(first.id, to: .waiting, note: "", stamp: stamp) }
        #expect(second.status == .waiting)
    }

    @Test func refusedStatusChangesSayWhy() throws {
        let db = try AppDatabase.inMemory()
        try db.roster.importSchools([school("100001")], stamp: stamp)
        let r = try db.referrals.submit(request(), decision: Threshold(config).evaluate(request()), stamp: stamp)
        _ = try db.referrals.changeStatus(r.id, to: .completed, note: "", stamp: stamp)
        do {
            _ = try db.referrals.changeStatus(r.id, to: .onHold, note: "", stamp: stamp)
            Issue.record("a completed referral was put on hold")
        } catch let e as StoreError {
            #expect(e.description.contains("is completed and cannot become on_hold"))
        }
        #expect(try db.auditLog(entity: "referral").count == 2)
    }

    @Test func batchIntakeIsAllOrNothing() throws {
        let db = try AppDatabase.inMemory()
        try db.roster.importSchools([school("100001")], stamp: stamp)
        let good = request(pupil: "P-1")
        let bad = request(school: "999999", pupil: "P-2")
        let t = Threshold(config)
        #expect(throws: StoreError.self) { try db.referrals.submit(batch: [(good, t.evaluate(good)), (bad, t.evaluate(bad))], stamp: stamp) }
        #expect(try db.referrals.all().isEmpty)
        #expect(try db.auditLog(entity: "referral").isEmpty)
    }

    @Test func waitingListComesFromTheDatabase() throws {
        let db = try AppDatabase.inMemory()
        try db.roster.importSchools([school("100001"), school("100002")], stamp: stamp)
        let base = Specialist(
            id: "ep-1", service: "EP", skills: [], base: GeoPoint(lat: 51.4, lon: 0.1), maxTravelMinPerDay: nil,
            maxSchoolsPerDay: nil, days: [WorkingDay(day: .mon, start: ClockTime(minutes: 510), end: ClockTime(minutes: 990))])
        try db.roster.importSpecialists([RosterEntry(specialist: base, baseSchool: "100001")], stamp: stamp)
        let t = Threshold(config)
        for (k, urn) in ["100001", "100002", "100001"].enumerated() {
            let r = request(school: urn, pupil: "P-\(k)", severity: 3 + k)
            _ = try db.referrals.submit(r, decision: t.evaluate(r), stamp: stamp)
        }
        let list = try db.referrals.waitingList(config: config, today: CalendarDate("2026-11-23")!)
        #expect(list.map(\.referral.request.pupilRef) == ["P-2", "P-1", "P-0"])
        #expect(list.map(\.position) == [1, 2, 3])
        // 480 minutes × 0.7 = 336 a week: one 180-minute assessment a week.
        #expect(list.map { $0.estimatedFirstWeek!.description } == ["2026-11-30", "2026-12-07", "2026-12-14"])
        let school2 = try db.referrals.waitingList(config: config, today: CalendarDate("2026-11-23")!, school: "100002")
        #expect(school2.map(\.position) == [2])
    }
}
