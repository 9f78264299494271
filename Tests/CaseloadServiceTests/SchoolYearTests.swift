import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

/// The school year as it is: holidays, a school's INSET day, each school's own day, and series
/// that carry on across a holiday.
@Suite struct SchoolYearTests {
    @Test func theWeekOf21December2026BooksNothingAndSaysTheSchoolsAreClosed() throws {
        let db = try demoTrust()
        let christmas = CalendarDate("2026-12-21")!
        let closed = try #require(throws: SchoolsClosed.self) { try scheduler(db).schedule(week: christmas, replan: false, stamp: stamp) }
        #expect(closed.description.contains("Christmas holiday"))
        #expect(closed.next == CalendarDate("2027-01-04"))
        #expect(try db.timetables.timetable(week: christmas) == nil)
        let waiting = try db.referrals.waitingList(config: config, today: CalendarDate("2026-12-10")!)
        let promised = Set(waiting.compactMap(\.estimatedFirstWeek))
        #expect(!promised.contains(christmas) && !promised.contains(CalendarDate("2026-12-28")!))
    }

    @Test func aSchoolsINSETDayMovesItsSessionsToOtherDays() throws {
        let db = try demoTrust()
        _ = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        let before = try #require(try db.timetables.timetable(week: week1))
        // A visit that may move to another day (not a counselling series, which keeps its weekday
        // once published) of a specialist with a working day left empty: the re-plan keeps every
        // other booking where it is and a series keeps its specialist, so the session needs room
        // in that specialist's other days, which a full week need not have.
        let anyDay = Set(before.scenario.sessions.filter { $0.days == nil && $0.service != "COUNSELLING" }.map(\.referral))
        let booked = Dictionary(grouping: before.bookings, by: \.specialist).mapValues { Set($0.map(\.day)) }
        let idle = Set(
            try db.roster.specialists().filter { e in e.specialist.days.contains { !(booked[e.specialist.id] ?? []).contains($0.day) } }.map(
                \.specialist.id)
        )
        let visits = Dictionary(grouping: before.bookings, by: { "\($0.school) \($0.day.rawValue)" }).values
            .filter { $0.allSatisfy { anyDay.contains("r\($0.referral)") && idle.contains($0.specialist) } }
        let busiest = try #require(visits.max { ($0.count, $1[0].referral) < ($1.count, $0[0].referral) })
        let (urn, day) = (busiest[0].school, busiest[0].day)
        let affected = try db.calendar.addClosures(
            [Closure(from: week1.adding(days: day.index), to: week1.adding(days: day.index), reason: "INSET day", school: urn)], stamp: stamp)
        #expect(affected.replan == [ClosedBookings(week: week1, bookings: busiest.count)])
        #expect(affected.saved.count == 1 && affected.saved[0].id != nil && affected.saved[0].school == urn)

        let after = try scheduler(db).schedule(week: week1, replan: true, stamp: stamp).timetable
        #expect(!after.bookings.contains { $0.school == urn && $0.day == day })
        let rebooked = after.bookings.filter { b in busiest.contains { $0.referral == b.referral } }
        #expect(!rebooked.isEmpty, "the INSET day's sessions go to other days, not off the timetable")
        #expect(rebooked.allSatisfy { $0.day != day && $0.school == urn })
        #expect(try check(after)["valid"] as? Bool == true)
    }

    @Test func aDraftPlannedBeforeAClosureIsNotPublished() throws {
        let db = try demoTrust()
        let draft = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp).timetable
        let b = try #require(draft.bookings.first)
        try db.calendar.addClosures(
            [Closure(from: week1.adding(days: b.day.index), to: week1.adding(days: b.day.index), reason: "INSET day", school: b.school)], stamp: stamp
        )
        let refused = #expect(throws: StoreError.self) { try db.timetables.publish(week: week1, stamp: stamp) }
        #expect(refused?.description.contains("closure") == true)
        _ = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp)
        try db.timetables.publish(week: week1, stamp: stamp)
        #expect(try db.timetables.timetable(week: week1)?.bookings.contains { $0.school == b.school && $0.day == b.day } == false)
    }

    @Test func aPrimarySchoolsDayEndsAt15_00AndASecondarysAt15_10() throws {
        let db = try demoTrust()
        let t = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp).timetable
        let phase = Dictionary(uniqueKeysWithValues: try db.roster.schools().map { ($0.urn, $0.phase.lowercased()) })
        let primary = t.bookings.filter { phase[$0.school]?.contains("primary") == true }
        let secondary = t.bookings.filter { phase[$0.school]?.contains("secondary") == true }
        #expect(!primary.isEmpty && !secondary.isEmpty)
        #expect(primary.allSatisfy { $0.start >= ClockTime("08:45")! && $0.end <= ClockTime("15:00")! })
        #expect(secondary.allSatisfy { $0.start >= ClockTime("08:35")! && $0.end <= ClockTime("15:10")! })
        #expect(
            t.scenario.sessions.filter { phase[$0.school]?.contains("primary") == true && $0.specialist == nil }
                .allSatisfy { $0.latestEnd == ClockTime("15:00")! })
    }

    @Test func aSchoolsOwnFridayEarlyFinishIsKept() throws {
        let db = try demoTrust()
        var school = try #require(try db.roster.schools().first)
        school.hours = SchoolHours("mon-thu 08:45-15:15, fri 08:45-12:00")
        try db.roster.importSchools([school], stamp: stamp)
        let input = try db.timetables.weekInput(week: week1, config: config)
        let friday = WeekDemand(input).build(name: "w").scenario.sessions.filter {
            $0.school == school.urn && $0.specialist == nil && $0.days?.contains(.fri) == true
        }
        #expect(friday.allSatisfy { $0.latestEnd!.minutes <= 12 * 60 })
    }

    @Test func everyWeekTheBuilderWritesWithBreaksClosuresAndSchoolDaysPassesTheChecker() throws {
        let db = try demoTrust()
        let roster = try db.roster.specialists().map { e in
            var e = e
            for d in e.specialist.days.indices {
                e.specialist.days[d].rest = DayBreak(minutes: 30, earliest: ClockTime("11:30")!, latestEnd: ClockTime("14:00")!)
            }
            return e
        }
        try db.roster.importSpecialists(roster, stamp: stamp)
        var friday = try #require(try db.roster.schools().first { $0.phase.lowercased().contains("secondary") })
        friday.hours = SchoolHours("mon-thu 08:40-15:10, fri 08:40-13:00")
        try db.roster.importSchools([friday], stamp: stamp)
        let back = CalendarDate("2027-01-04")!
        try db.calendar.addClosures([Closure(from: back, to: back, reason: "INSET day", school: try db.roster.schools()[3].urn)], stamp: stamp)
        for week in [week1, CalendarDate("2026-12-07")!] {
            let t = try scheduler(db).schedule(week: week, replan: false, stamp: stamp).timetable
            try db.timetables.publish(week: week, stamp: stamp)
            #expect(t.plan.routes.filter { !$0.stops.isEmpty }.allSatisfy { $0.breakStart != nil })
            #expect(try check(t)["valid"] as? Bool == true, "week of \(week)")
        }
        let january = try scheduler(db).schedule(week: back, replan: false, stamp: stamp).timetable
        #expect(try check(january)["valid"] as? Bool == true)
        let closed = try db.roster.schools()[3].urn
        #expect(!january.bookings.contains { $0.school == closed && $0.day == .mon })
        #expect(!january.bookings.contains { $0.school == friday.urn && $0.day == .fri && $0.end > ClockTime("13:00")! })
    }

    @Test func aSeriesSpansTheChristmasHolidayWithoutLosingASession() throws {
        let db = try demoTrust()
        let lastWeek = CalendarDate("2026-12-14")!
        let firstBack = CalendarDate("2027-01-04")!
        _ = try scheduler(db).schedule(week: lastWeek, replan: false, stamp: stamp)
        try db.timetables.publish(week: lastWeek, stamp: stamp)
        let december = try #require(try db.timetables.timetable(week: lastWeek))
        for (day, bookings) in Dictionary(grouping: december.bookings, by: \.day) {
            let date = lastWeek.adding(days: day.index)
            _ = try db.timetables.recordOutcomes(
                day: date, bookings.map { OutcomeEntry(referral: $0.referral, outcome: .delivered) },
                today: date, config: config, stamp: stamp)
        }
        let series = december.bookings.filter { b in
            let r = try? db.referrals.find(b.referral)
            return (r.flatMap { config.service($0.request.service)?.pathway($0.pathway)?.sessions } ?? 1) > b.sessionNumber
        }
        #expect(!series.isEmpty)
        let january = try scheduler(db).schedule(week: firstBack, replan: false, stamp: stamp).timetable
        let next = Dictionary(uniqueKeysWithValues: january.scenario.sessions.map { ($0.id, $0) })
        for b in series {
            let due = WeekDemand.sessionId(referral: b.referral, number: b.sessionNumber + 1)
            #expect(
                next[due]?.specialist == b.specialist,
                "session \(b.sessionNumber + 1) of referral \(b.referral) is due on 4 January with the same specialist")
        }
    }
}

/// A specialist whose free time cannot reach the waiting list is flagged, with what would change it.
@Suite struct IdleSpecialistTests {
    @Test func aSpecialistBasedOutOfReachOfEveryWaitingPupilIsFlaggedWithTheTravelCapThatWouldReach() throws {
        let db = try demoTrust()
        var far = try #require(try db.roster.specialists().first { $0.specialist.service == "SALT" })
        far.specialist.base = GeoPoint(lat: 54.97, lon: -1.61)  // Newcastle, far from every Kemnal school
        far.specialist.maxTravelMinPerDay = 120
        far.baseSchool = nil
        try db.roster.importSpecialists([far], stamp: stamp)
        let t = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp).timetable
        let report = WeekReport(
            t, referrals: [:], waiting: try db.referrals.waitingList(config: config, today: week1), schools: try db.roster.schools(), config: config)
        let flagged = try #require(report.idle.first { $0.id == far.specialist.id })
        #expect(flagged.bookedHours == 0 && flagged.workingHours > 0)
        #expect(flagged.advice.contains("raise max_travel_min_per_day to at least"))
        #expect(report.idle.allSatisfy { $0.bookedHours < $0.workingHours / 2 && $0.advice.hasPrefix("none of the") })
        #expect(
            !report.deadlines.isEmpty
                && report.deadlines.allSatisfy { d in (try? db.referrals.find(d.referral))?.request.flags.ehcNeedsAssessment == true }
        )
    }
}
