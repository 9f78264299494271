import CaseloadCore
import CaseloadStore
import Foundation
import GRDB
import Testing

/// The retention rule removes exactly the pupil data past its date, keeps anonymous counts, and
/// the audit log says so without keeping what it removed.
@Suite struct RetentionTests {
    func at(_ day: String) -> Stamp { Stamp(actor: "test", at: ISO8601DateFormatter().date(from: day + "T10:00:00Z")!) }

    @Test func exactlyTheReferralsPastTheirDateLoseTheirPupilData() throws {
        let connected = try Connected.copy(of: AppDatabase.inMemory())
        let db = connected.db
        try db.roster.importSchools([school("100001")], stamp: stamp)
        func add(_ pupil: String, received: String, severity: Int = 3) throws -> Referral {
            let r = request(pupil: pupil, severity: severity, received: received)
            return try db.referrals.submit(r, decision: Threshold(config).evaluate(r), stamp: at(received))
        }
        let oldWithdrawn = try add("OLD-W", received: "2018-01-10")
        _ = try db.referrals.changeStatus(oldWithdrawn.id, to: .withdrawn, note: "moved school", stamp: at("2018-03-01"))
        let recentWithdrawn = try add("NEW-W", received: "2020-01-10")
        _ = try db.referrals.changeStatus(recentWithdrawn.id, to: .withdrawn, note: "moved", stamp: at("2020-02-01"))
        let oldDeclined = try add("OLD-D", received: "2025-06-01", severity: 1)
        let newDeclined = try add("NEW-D", received: "2026-01-01", severity: 1)
        let waiting = try add("WAIT", received: "2010-01-01")
        #expect(oldDeclined.status == .declined && newDeclined.status == .declined && waiting.status == .waiting)

        let today = CalendarDate("2026-11-24")!
        let rule = RetentionRule()
        let due = try db.pupils.retentionDue(rule, today: today)
        #expect(due.map(\.referral) == [oldWithdrawn.id, oldDeclined.id])
        #expect(due.first?.dueOn == CalendarDate("2025-03-01"))
        #expect(try db.pupils.applyRetention(due.map(\.referral), rule: rule, stamp: at("2026-11-24")) == 2)

        let left = Dictionary(uniqueKeysWithValues: try db.referrals.all().map { ($0.id, $0) })
        #expect(left.count == 5, "anonymous counts stay")
        #expect(left[oldWithdrawn.id]?.request.pupilRef == "erased-\(oldWithdrawn.id)" && left[oldWithdrawn.id]?.request.reason == "")
        #expect(left[recentWithdrawn.id]?.request.pupilRef == "NEW-W" && left[waiting.id]?.request.pupilRef == "WAIT")
        #expect(try db.referrals.history(oldWithdrawn.id).allSatisfy { $0.note.isEmpty })
        #expect(try db.referrals.history(recentWithdrawn.id).contains { $0.note == "moved" })
        let log = try db.auditLog()
        #expect(!log.contains { $0.detail.contains("OLD-W") || $0.detail.contains("moved school") })
        #expect(log.contains { $0.action == "retention" && $0.detail.contains("\"referrals\":\"2\"") })
        #expect(try db.pupils.retentionDue(rule, today: today).isEmpty, "nothing is due twice")
        #expect(throws: DatabaseError.self) {  // the log is still append-only for anything but a redaction
            try connected.raw.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'someone else' WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try connected.raw.write { try $0.execute(sql: "UPDATE audit_log SET detail = '{}' WHERE id = 1") }
        }
    }
}
