import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// A subject access request answers everything held about one pupil; after an erasure nothing
/// finds them: not the lists, the export, the timetable, the calendar or the audit log.
@Suite struct PupilDataTests {
    let leader = Identity(tokenId: 0, role: .leader)

    /// The export holds what is kept under the referral beyond what was submitted: its place and
    /// priority on the list, the week the projection expects, and every week it was not booked.
    @Test func theExportHoldsTheProjectedWeekAndTheReasonsItWasNotBooked() throws {
        let db = try demoTrust()
        let t = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp).timetable
        let unbooked = try #require(t.unbooked.first)
        let pupil = try db.referrals.find(unbooked.referral).request
        let expected = week1.adding(days: 21)
        try db.referrals.saveProjection(
            Projection(madeOn: testWeek, weeks: [week1, expected], firstWeek: [unbooked.referral: expected], waiting: [unbooked.referral]),
            stamp: stamp)
        let export = try PupilRecords(db: db).export(
            school: pupil.school, pupilRef: pupil.pupilRef, by: leader, config: Repo.config, today: testWeek)
        let record = try #require(export.referrals.first { $0.referral.id == unbooked.referral })
        #expect(record.projectedFirstWeek == expected.description)
        #expect(record.notBooked == [["week": week1.description, "code": unbooked.code, "reason": unbooked.reason]])
        #expect(record.referral.waiting?.position ?? 0 >= 1, "its place and current priority")
        #expect(export.html.contains(unbooked.reason) && export.html.contains(expected.description))
    }

    @Test func anErasedPupilCanNoLongerBeFoundAnywhere() throws {
        let db = try demoTrust()
        _ = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        let t = try #require(try db.timetables.timetable(week: week1))
        let booking = t.bookings[0]
        let pupil = try db.referrals.find(booking.referral).request
        let records = PupilRecords(db: db)
        let export = try records.export(school: pupil.school, pupilRef: pupil.pupilRef, by: leader, config: Repo.config, today: testWeek)
        #expect(export.referrals.contains { $0.referral.id == booking.referral && !$0.history.isEmpty })
        #expect(export.html.contains(pupil.pupilRef) && export.html.contains("Referral \(booking.referral)"))
        #expect(throws: AccessDenied.self) {
            try records.export(
                school: pupil.school, pupilRef: pupil.pupilRef, by: .init(tokenId: 0, role: .senco(school: pupil.school)), config: Repo.config,
                today: testWeek)
        }

        #expect(throws: StoreError.self) {
            try records.erase(school: pupil.school, pupilRef: pupil.pupilRef, reason: "parent's request", by: leader, stamp: stamp)
        }
        for r in try db.referrals.all(school: pupil.school)
        where r.request.pupilRef == pupil.pupilRef && [.waiting, .active, .onHold].contains(r.status) {
            _ = try ReferralLifecycle(db: db).apply(
                .withdraw, to: r.id, by: leader, note: "family asked for erasure of \(pupil.pupilRef)", stamp: stamp)
        }
        let ids = try records.erase(school: pupil.school, pupilRef: pupil.pupilRef, reason: "parent's request of 24 Nov", by: leader, stamp: stamp)
        #expect(ids.contains(booking.referral))

        #expect(throws: StoreError.self) {
            try records.export(school: pupil.school, pupilRef: pupil.pupilRef, by: leader, config: Repo.config, today: testWeek)
        }
        #expect(!(try db.referrals.all()).contains { $0.request.pupilRef == pupil.pupilRef })
        let view = try TimetableQuery(db: db).view(week: week1, for: leader, today: week1)
        #expect(!view.rows.contains { $0.pupilRef == pupil.pupilRef } && !view.ics.contains(pupil.pupilRef) && !view.csv.contains(pupil.pupilRef))
        #expect(view.rows.contains { $0.pupilRef == "erased-\(booking.referral)" })
        #expect(!(try db.auditLog()).contains { $0.detail.contains(pupil.pupilRef) })
        #expect(
            try db.auditLog(entity: "school", id: pupil.school).contains {
                $0.action == "erase_pupil" && $0.detail.contains("parent's request of 24 Nov")
            })
        #expect(try db.referrals.history(booking.referral).allSatisfy { !$0.note.contains(pupil.pupilRef) })
    }
}
