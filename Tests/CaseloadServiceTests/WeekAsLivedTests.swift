import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// The week as a trust lives it: publish, record Monday, an absence mid-week, re-plan on Tuesday.
@Suite struct WeekAsLivedTests {
    let tuesdayMorning = Moment(date: week1.adding(days: 1), minutes: 10 * 60)

    func published(_ db: AppDatabase) throws -> WeekTimetable {
        _ = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        return try #require(try db.timetables.timetable(week: week1))
    }

    func outcomes(_ bookings: [Booking], _ outcome: SessionOutcome) -> [OutcomeEntry] {
        bookings.map { OutcomeEntry(referral: $0.referral, outcome: outcome) }
    }

    @Test func aTuesdayReplanKeepsMondayEveryOutcomeAndCancelsWhatMoved() throws {
        let db = try demoTrust()
        let before = try published(db)
        let monday = before.bookings.filter { $0.day == .mon }
        let delivered = Array(monday.prefix(5))
        let absent = monday[5]
        _ = try db.timetables.recordOutcomes(day: week1, outcomes(delivered, .delivered), today: week1, config: config, stamp: stamp)
        _ = try db.timetables.recordOutcomes(day: week1, outcomes([absent], .pupilAbsent), today: week1, config: config, stamp: stamp)
        let midWeek = before.bookings.filter { $0.day == .wed || $0.day == .thu }
        let away = try #require(Dictionary(grouping: midWeek, by: \.specialist).max { $0.value.count < $1.value.count }?.key)
        try db.calendar.addLeave(specialist: away, from: week1.adding(days: 2), to: week1.adding(days: 3), reason: "ill", stamp: stamp)

        let result = try scheduler(db).schedule(week: week1, replan: true, now: tuesdayMorning, stamp: stamp)
        let after = result.timetable
        #expect(Set(after.bookings.filter { $0.day == .mon }) == Set(monday))  // Monday exactly as it was
        let tuesday = before.bookings.filter { $0.day == .tue }
        #expect(after.bookings.filter { $0.day == .tue }.allSatisfy(tuesday.contains))  // nothing new on Tuesday
        #expect(tuesday.filter { $0.start.minutes <= 600 }.allSatisfy(after.bookings.contains))
        for b in delivered { #expect(after.outcomes[b.referral] == .delivered) }
        #expect(after.outcomes[absent.referral] == .pupilAbsent)
        #expect(!after.bookings.contains { $0.specialist == away && ($0.day == .wed || $0.day == .thu) })
        #expect(try check(after)["valid"] as? Bool == true)

        let gone = midWeek.filter { $0.specialist == away }
        #expect(!gone.isEmpty && Set(result.moved.map(\.before.referral)).isSuperset(of: gone.map(\.referral)))
        let referrals = Dictionary(uniqueKeysWithValues: try db.referrals.all().map { ($0.id, $0) })
        let view = TimetableView(after, referrals: referrals, schools: try db.roster.schools(), today: tuesdayMorning.date)
        let events = try icsEvents(view.ics).filter { $0["category"] == "VISIT" }
        let reassigned = result.moved.filter { $0.after?.specialist != $0.before.specialist }  // dropped, or given to another
        #expect(
            events.filter { $0["status"] == "CANCELLED" }.count == Set(reassigned.map { "\($0.before.referral)-\($0.before.sessionNumber)" }).count)
        for b in gone {  // cancelled, or moved off Wednesday and Thursday under the same UID
            let uid = "session-\(b.referral)-\(b.sessionNumber)-\(week1)-\(b.specialist)@caseload"
            let now = events.filter { $0["uid"] == uid }
            #expect(now.count == 1 && now[0]["sequence"] == "1", "\(uid): \(now)")
            let day = String(now.first?["start"]?.prefix(10) ?? "")
            #expect(now.first?["status"] == "CANCELLED" || ![week1.adding(days: 2), week1.adding(days: 3)].map(\.description).contains(day))
        }
        #expect(throws: StoreError.self) {
            try db.timetables.recordOutcomes(day: week1, outcomes([absent], .delivered), today: week1, config: config, stamp: stamp)
        }
    }

    @Test func aSecondReplanKeepsTheRecordAndTheFirstCancellations() throws {
        let db = try demoTrust()
        let before = try published(db)
        let monday = before.bookings.filter { $0.day == .mon }
        _ = try db.timetables.recordOutcomes(day: week1, outcomes(monday, .delivered), today: week1, config: config, stamp: stamp)
        let thursday = try #require(before.bookings.first { $0.day == .thu })
        try db.calendar.addLeave(
            specialist: thursday.specialist, from: week1.adding(days: 3), to: week1.adding(days: 3), reason: "course", stamp: stamp)
        let first = try scheduler(db).schedule(week: week1, replan: true, now: tuesdayMorning, stamp: stamp)
        let second = try scheduler(db).schedule(week: week1, replan: true, now: tuesdayMorning, stamp: stamp)
        #expect(Set(second.timetable.bookings.filter { $0.day == .mon }) == Set(monday))
        #expect(monday.allSatisfy { second.timetable.outcomes[$0.referral] == .delivered })
        #expect(second.timetable.revision == 2)
        #expect(second.timetable.cancelled.count >= first.moved.count)
    }

    @Test func outcomesCountOnTheSessionsOwnDateAndNeverBeforeIt() throws {
        let db = try demoTrust()
        let t = try published(db)
        let friday = try #require(t.bookings.first { $0.day == .fri })
        #expect(throws: StoreError.self) {  // Friday's session on the Monday before it happened
            try db.timetables.recordOutcomes(day: week1.adding(days: 4), outcomes([friday], .delivered), today: week1, config: config, stamp: stamp)
        }
        #expect(throws: StoreError.self) {  // against a day it is not on
            try db.timetables.recordOutcomes(day: week1, outcomes([friday], .delivered), today: week1.adding(days: 4), config: config, stamp: stamp)
        }
        #expect(try db.timetables.timetable(week: week1)?.outcomes[friday.referral] == nil)
        _ = try db.timetables.recordOutcomes(
            day: week1.adding(days: 4), outcomes([friday], .delivered), today: week1.adding(days: 4),
            config: config, stamp: stamp)
        #expect(try db.timetables.sessions(of: friday.referral).first?.outcome == .delivered)
        #expect(try db.timetables.sessions(of: friday.referral).first?.recordedBy == stamp.actor)
    }

    @Test func aDayIsRecordedAllOrNothing() throws {
        let db = try demoTrust()
        let t = try published(db)
        let monday = t.bookings.filter { $0.day == .mon }
        let tuesday = try #require(t.bookings.first { $0.day == .tue })
        let error = #expect(throws: StoreError.self) {
            try db.timetables.recordOutcomes(
                day: week1, outcomes(monday, .delivered) + outcomes([tuesday], .delivered), today: week1.adding(days: 4),
                config: config, stamp: stamp)
        }
        #expect(error?.description.contains("referral \(tuesday.referral)") == true)
        #expect(try db.timetables.timetable(week: week1)?.outcomes.isEmpty == true)
        #expect(try db.timetables.series(monday[0].referral)?.sessionsDone == 0)
    }

    @Test func aWrongOutcomeIsCorrectedWithItsReasonAndTheSeriesFollows() throws {
        let db = try demoTrust()
        let t = try published(db)
        let b = try #require(t.bookings.first { $0.day == .mon && $0.sessionNumber == 1 })
        _ = try db.timetables.recordOutcomes(day: week1, outcomes([b], .delivered), today: week1, config: config, stamp: stamp)
        #expect(try db.timetables.series(b.referral)?.sessionsDone == 1)
        try db.timetables.correctOutcome(
            day: week1, referral: b.referral, to: .pupilAbsent, reason: "pupil was off sick; recorded by mistake",
            config: config, stamp: stamp)
        #expect(try db.timetables.series(b.referral)?.sessionsDone == 0)
        #expect(try db.timetables.series(b.referral)?.lastWeek == nil)
        #expect(try db.timetables.timetable(week: week1)?.outcomes[b.referral] == .pupilAbsent)
        let audit = try db.auditLog(entity: "referral", id: "\(b.referral)").last
        #expect(audit?.action == "correct_session" && audit?.detail.contains("off sick") == true)
        #expect(try db.referrals.history(b.referral).last?.note.contains("corrected from delivered to pupil_absent") == true)
        #expect(throws: StoreError.self) {
            try db.timetables.correctOutcome(day: week1, referral: b.referral, to: .delivered, reason: " ", config: config, stamp: stamp)
        }
    }

    @Test func aReplanOfAPublishedWeekStartsNewSeriesAndReturnsDroppedOnesToTheList() throws {
        let db = try demoTrust()
        let before = try published(db)
        let firsts = before.bookings.filter { $0.sessionNumber == 1 && $0.day == .fri }
        let away = try #require(Dictionary(grouping: firsts, by: \.specialist).max { $0.value.count < $1.value.count }?.key)
        try db.calendar.addLeave(specialist: away, from: week1.adding(days: 4), to: week1.adding(days: 4), reason: "ill", stamp: stamp)
        let result = try scheduler(db).schedule(week: week1, replan: true, now: Moment(date: week1.adding(days: 3), minutes: 8 * 60), stamp: stamp)
        let booked = Dictionary(uniqueKeysWithValues: result.timetable.bookings.map { ($0.referral, $0) })
        for b in result.timetable.bookings where b.sessionNumber == 1 {
            #expect(try db.referrals.find(b.referral).status == .active)
            #expect(try db.timetables.series(b.referral)?.specialist == b.specialist)
        }
        for m in result.moved where m.before.sessionNumber == 1 && booked[m.before.referral] == nil {
            #expect(try db.referrals.find(m.before.referral).status == .waiting)
            #expect(try db.timetables.series(m.before.referral) == nil)
        }
        #expect(throws: StoreError.self) { try db.timetables.publish(week: week1, stamp: stamp) }  // already live
    }

    @Test func nothingIsPlacedOnDaysThatHavePassed() throws {
        let db = try demoTrust()
        let wednesday = Moment(date: week1.adding(days: 2), minutes: 12 * 60)
        let result = try scheduler(db).schedule(week: week1, replan: false, now: wednesday, stamp: stamp)
        #expect(!result.timetable.bookings.isEmpty)
        #expect(result.timetable.bookings.allSatisfy { $0.day == .thu || $0.day == .fri })
        #expect(throws: StoreError.self) {
            try scheduler(db).schedule(week: week1.adding(days: -7), replan: false, now: wednesday, stamp: stamp)
        }
    }
}

/// A week is published only from a draft planned on the state now in force.
@Suite struct StaleDraftTests {
    @Test func aDraftPlannedBeforeAnotherWeekWasPublishedIsRefusedAndNothingIsBookedTwice() throws {
        let db = try demoTrust()
        let week2 = week1.adding(days: 7)
        _ = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        _ = try scheduler(db).schedule(week: week2, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        let refusal = #expect(throws: StoreError.self) { try db.timetables.publish(week: week2, stamp: stamp) }
        #expect(refusal?.description.contains("week of \(week1) was published") == true)
        #expect(try db.timetables.timetable(week: week2)?.published == false)
        _ = try scheduler(db).schedule(week: week2, replan: false, stamp: stamp)
        try db.timetables.publish(week: week2, stamp: stamp)
        let started = Dictionary(
            uniqueKeysWithValues: try db.timetables.timetable(week: week1)!.bookings.filter { $0.sessionNumber == 1 }.map { ($0.referral, $0) })
        for b in try db.timetables.timetable(week: week2)!.bookings where started[b.referral] != nil {
            #expect(b.specialist == started[b.referral]!.specialist)  // the same series, offered again, not a second start
            #expect(try db.referrals.history(b.referral).filter { $0.to == .active }.count == 1)
        }
    }

    @Test func aDraftBookingAWithdrawnReferralIsRefused() throws {
        let db = try demoTrust()
        let t = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp).timetable
        let first = try #require(t.bookings.first { $0.sessionNumber == 1 })
        _ = try db.referrals.changeStatus(first.referral, to: .withdrawn, note: "moved school", stamp: stamp)
        #expect(throws: StoreError.self) { try db.timetables.publish(week: week1, stamp: stamp) }
        _ = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        #expect(try db.timetables.publish(week: week1, stamp: stamp) > 0)
        #expect(try db.referrals.find(first.referral).status == .withdrawn)
    }
}
