import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// A specialist records a day in one go: the exceptions chosen, "all delivered" for the rest, a
/// note per session kept and exported; a changed outcome later is a correction with its reason.
@Suite struct DayRecordTests {
    @Test func allDeliveredExceptTheExceptionsWithNotes() throws {
        let db = try demoTrust()
        _ = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        let t = try #require(try db.timetables.timetable(week: week1))
        let who = try #require(t.bookings.first { $0.day == .mon }).specialist
        let day = t.bookings.filter { $0.day == .mon && $0.specialist == who }
        #expect(day.count >= 2)
        let recording = SessionRecording(db: db, config: config)
        let absent = day[0].referral
        let sent = SessionRecording.DayRecord(choices: [absent: .pupilAbsent], notes: [absent: "dental appointment"], allDelivered: true)
        let done = try recording.recordDay(week1, specialist: who, sent, by: .commandLine, today: week1, stamp: stamp)
        #expect(done.recorded == day.count && done.corrected == 0)
        let after = try #require(try db.timetables.timetable(week: week1)).outcomes
        #expect(after[absent] == .pupilAbsent && day.dropFirst().allSatisfy { after[$0.referral] == .delivered })
        #expect(try db.timetables.notes(week: week1) == [absent: "dental appointment"])
        #expect(try db.timetables.sessions(of: absent).first?.note == "dental appointment", "kept with the session, so exported")
        let change = SessionRecording.DayRecord(choices: [absent: .delivered], notes: [:], allDelivered: false)
        let again = try recording.recordDay(week1, specialist: who, change, by: .commandLine, today: week1, stamp: stamp)
        #expect(again.recorded == 0 && again.corrected == 1)
        #expect(try db.timetables.timetable(week: week1)?.outcomes[absent] == .delivered)
        #expect(try db.auditLog(entity: "referral", id: "\(absent)").contains { $0.action == "correct_session" && $0.detail.contains("week page") })
        #expect(try db.timetables.notes(week: week1).isEmpty, "a note cleared on the page is cleared")
        #expect(throws: InputError.self) { try OutcomeEntry.note(String(repeating: "x", count: 201), field: "note") }
    }
}
