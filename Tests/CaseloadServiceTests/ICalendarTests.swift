import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@Suite struct ICalendarTests {
    func parse(_ text: String) throws -> [[String: String]] { try icsEvents(text) }

    func calendar(week: CalendarDate) throws -> (String, [TimetableRow]) {
        let db = try demoTrust()
        let result = try scheduler(db).schedule(week: week, replan: false, stamp: stamp)
        let referrals = Dictionary(uniqueKeysWithValues: try db.referrals.all().map { ($0.id, $0) })
        let busiest = Dictionary(grouping: result.timetable.bookings, by: \.specialist).max { $0.value.count < $1.value.count }!.key
        let rows = TimetableRows.rows(result.timetable, referrals: referrals, specialist: busiest)
        return (ICalendarWriter(rows: rows, scenario: result.timetable.scenario, stamp: "20261123T090000Z").text, rows)
    }

    @Test func winterWeekParsesWithGMTTimesAndPupilReferences() throws {
        let (text, rows) = try calendar(week: week1)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let events = try parse(text)
        let visits = events.filter { $0["category"] == "VISIT" }
        #expect(!visits.isEmpty && visits.count <= rows.count)
        #expect(events.contains { $0["category"] == "TRAVEL" })
        let first = rows[0]
        let start = "\(first.date)T\(first.booking.start):00+00:00"
        #expect(visits.contains { $0["start"] == start }, "no visit starts at \(start)")
        for row in rows { #expect(visits.contains { $0["description"]!.contains(row.pupilRef) }) }
    }

    @Test func summerWeekIsInBritishSummerTime() throws {
        let (text, rows) = try calendar(week: CalendarDate("2027-06-07")!)
        let visits = try parse(text).filter { $0["category"] == "VISIT" }
        let start = "\(rows[0].date)T\(rows[0].booking.start):00+01:00"
        #expect(visits.contains { $0["start"] == start }, "no visit starts at \(start)")
    }

    /// What a person reads says services, pathways and specialists in words; the CSV and JSON
    /// keep the codes beside them for the trust's own tools.
    @Test func rowsSpeakInWordsAndKeepTheCodes() throws {
        let db = try demoTrust()
        let t = try scheduler(db).schedule(week: week1, replan: false, stamp: stamp).timetable
        let referrals = Dictionary(uniqueKeysWithValues: try db.referrals.all().map { ($0.id, $0) })
        let words = TimetableWords(services: config.services, specialists: try db.roster.contacts())
        let view = TimetableView(t, referrals: referrals, schools: try db.roster.schools(), today: week1, words: words)
        let salt = try #require(view.rows.first { $0.service == "SALT" })
        let rules = try #require(config.service("SALT"))
        #expect(salt.serviceName == rules.name && salt.serviceName != "SALT")
        #expect(salt.pathwayWords == rules.pathways.first { $0.name == salt.pathway }?.words)
        #expect(salt.pathwayWords.contains("session") && salt.pathwayWords != salt.pathway)
        let csv = view.csv.split(separator: "\r\n")
        let header = csv[0].split(separator: ",").map(String.init)
        #expect(header.suffix(4) == ["specialist_name", "service_name", "pathway_words", "status"])
        #expect(csv.dropFirst().contains { $0.contains(salt.pathwayWords) })
        let json = try view.json()
        #expect(json.contains("\"pathway_words\":\"\(salt.pathwayWords)\"") && json.contains("\"pathway\":\"\(salt.pathway)\""))
        let events = try parse(ICalendarWriter(week: t, rows: view.rows, cancelled: [], today: week1).text)
        #expect(events.contains { $0["description"]?.contains("\(rules.name), \(salt.pathwayWords)") == true })
    }
}
