import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// A specialist's private calendar subscription: their published weeks only, a session moved by
/// a re-plan keeps its UID with a higher SEQUENCE, and a stopped or renewed address shows nothing.
@Suite struct CalendarFeedTests {
    let tuesday = CalendarDate("2026-12-01")!

    func published(_ db: AppDatabase) throws -> WeekTimetable {
        _ = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        return try #require(try db.timetables.timetable(week: week1))
    }

    static func of(_ id: String) -> Identity { Identity(tokenId: 0, role: .specialist(id: id)) }

    @Test func aMovedSessionKeepsItsUIDWithAHigherSequenceAndAReassignedOneIsCancelled() throws {
        let db = try demoTrust()
        let t = try published(db)
        let referrals = Dictionary(uniqueKeysWithValues: try db.referrals.all().map { ($0.id, $0) })
        let rows = TimetableRows.rows(t, referrals: referrals, specialist: t.bookings[0].specialist)
        #expect(rows.count >= 2)
        let before = try icsEvents(ICalendarWriter(rows: rows, scenario: t.scenario, stamp: "20261130T090000Z").text)
        var moved = rows[0]
        var given = rows[1]
        var later = rows
        moved.booking.start = ClockTime(minutes: moved.booking.start.minutes + 5)
        moved.booking.end = ClockTime(minutes: moved.booking.end.minutes + 5)
        later[0] = moved
        later.remove(at: 1)
        given.booking.specialist = "someone-else"
        var writer = ICalendarWriter(rows: later, scenario: t.scenario, stamp: "20261201T090000Z")
        writer.sequence = 1
        writer.cancelled = [(rows[0], 1), (rows[1], 1)]  // the re-plan's record holds both old slots
        let after = try icsEvents(writer.text).filter { $0["category"] == "VISIT" }
        let uid = { (s: [String: String]) in s["uid"] ?? "" }
        let was = try #require(before.first { $0["description"]!.contains(rows[0].pupilRef) && $0["category"] == "VISIT" })
        let now = after.filter { uid($0) == uid(was) }
        #expect(now.count == 1 && now[0]["status"] == "CONFIRMED" && now[0]["sequence"] == "1" && now[0]["start"] != was["start"])
        let dropped = try #require(before.first { $0["start"]!.hasPrefix("\(rows[1].date)T\(rows[1].booking.start)") })
        #expect(after.filter { uid($0) == uid(dropped) }.map { $0["status"] } == ["CANCELLED"])
    }

    @Test func theFeedShowsOneSpecialistsPublishedWeeksAndFollowsAReplan() throws {
        let db = try demoTrust()
        let t = try published(db)
        let away = try #require(
            Dictionary(grouping: t.bookings.filter { $0.day == .thu }, by: \.specialist).max { $0.value.count < $1.value.count }?.key)
        let feeds = CalendarFeeds(db: db, services: config.services)
        let secret = try feeds.renew(away, by: Self.of(away), stamp: stamp)
        let before = try icsEvents(try feeds.calendar(secret: secret, today: tuesday)).filter { $0["category"] == "VISIT" }
        #expect(before.count == t.bookings.filter { $0.specialist == away }.count)
        let name = try db.roster.contacts()[away]?.said(id: away) ?? away
        #expect(!before.isEmpty && before.allSatisfy { $0["description"]!.contains("with \(name)\n") })

        try db.calendar.addLeave(specialist: away, from: week1.adding(days: 3), to: week1.adding(days: 3), reason: "course", stamp: stamp)
        _ = try scheduler(db).schedule(week: week1, replan: true, now: Moment(date: tuesday, minutes: 8 * 60), stamp: stamp)
        let after = try icsEvents(try feeds.calendar(secret: secret, today: tuesday)).filter { $0["category"] == "VISIT" }
        let thursday = "\(week1.adding(days: 3))"
        #expect(!after.contains { $0["start"]!.hasPrefix(thursday) && $0["status"] != "CANCELLED" })
        for old in before {
            let now = after.filter { $0["uid"] == old["uid"] }
            #expect(now.count <= 1 && now.allSatisfy { Int($0["sequence"]!)! > Int(old["sequence"]!)! }, "\(old["uid"]!)")
            if old["start"]!.hasPrefix(thursday) { #expect(now.count == 1, "Thursday's \(old["uid"]!) neither moved nor cancelled") }
        }
    }

    @Test func aRenewedOrStoppedAddressShowsNothingAndOnlyItsSpecialistManagesIt() throws {
        let db = try demoTrust()
        let t = try published(db)
        let me = t.bookings[0].specialist
        let other = try #require(t.bookings.first { $0.specialist != me }?.specialist)
        let feeds = CalendarFeeds(db: db)
        let first = try feeds.renew(me, by: Self.of(me), stamp: stamp)
        let second = try feeds.renew(me, by: .init(tokenId: 0, role: .leader), stamp: stamp)
        #expect(throws: StoreError.self) { try feeds.calendar(secret: first, today: tuesday) }
        #expect(try feeds.calendar(secret: second, today: tuesday).contains("BEGIN:VEVENT"))
        #expect(throws: AccessDenied.self) { try feeds.renew(other, by: Self.of(me), stamp: stamp) }
        #expect(throws: AccessDenied.self) { try feeds.stop(me, by: .init(tokenId: 0, role: .senco(school: t.bookings[0].school)), stamp: stamp) }
        #expect(try feeds.stop(me, by: Self.of(me), stamp: stamp))
        #expect(throws: StoreError.self) { try feeds.calendar(secret: second, today: tuesday) }
        #expect(throws: StoreError.self) { try feeds.calendar(secret: "cf_" + String(repeating: "0", count: 64), today: tuesday) }
        let log = try db.auditLog(entity: "calendar_feed")
        #expect(log.map(\.action) == ["create", "revoke", "create", "revoke"])
        #expect(!log.contains { $0.detail.contains(first) || $0.detail.contains(second) })
    }
}
