import CaseloadCore
import CaseloadService
import CaseloadStore
import CaseloadTestSupport
import Foundation
import Testing

@testable import CaseloadServer

/// Every answer type spells its keys in snake_case itself: encoded without key conversion it is
/// byte for byte what `.convertToSnakeCase` would give (a camelCase key left out of the coding
/// keys would differ).
@Suite struct AnswerKeysTests {
    func same<T: Encodable>(_ value: T) throws -> Bool {
        let plain = JSONEncoder()
        let snake = JSONEncoder()
        plain.outputFormatting = [.sortedKeys]
        snake.outputFormatting = [.sortedKeys]
        snake.keyEncodingStrategy = .convertToSnakeCase
        return try plain.encode(value) == snake.encode(value)
    }

    @Test func everyAnswerTypeNeedsNoKeyConversion() throws {
        var request = ReferralRequest(
            school: "136156", pupilRef: "P-1", yearGroup: 3, service: "EP", area: .cognitionAndLearning, severity: 3,
            apdrCycles: 2, consent: true, reason: "", receivedOn: CalendarDate("2026-11-23")!)
        request.preferredDays = [.mon]
        request.skill = "ADOS"
        let referral = Referral(id: 7, request: request, pathway: "assessment", status: .waiting, score: 40, band: "routine", declineReasons: [])
        var entry = WaitingEntry(
            referral: referral, position: 3, priority: 41, weeksWaited: 1, targetWeeks: 16, breached: false,
            statutoryDeadline: CalendarDate("2027-01-04"), estimatedFirstWeek: CalendarDate("2026-12-07"))
        entry.deadlineWarning = "x"
        let dto = ReferralDTO(referral, waiting: entry)
        #expect(try same(dto) && same(ListDTO(items: [dto], total: 1, page: 1, perPage: 100)))
        #expect(try same(ListDTO(items: [WaitingDTO(entry)])))
        #expect(
            try same(
                SchoolController.AddedDTO(
                    closure: .init(Closure(from: CalendarDate("2027-01-04")!, to: CalendarDate("2027-01-04")!, reason: "INSET day")),
                    replanWeeks: ["2027-01-04"])))
        #expect(try same(WaitlistController.ProjectionDTO(madeOn: "2026-11-29", weeks: [], waiting: 1, seen: 1)))
        #expect(
            try same(
                TimetableController.ScheduleDTO(
                    week: "w", status: "draft", bookings: 1, unbooked: 1, travelMinutes: 1, moved: 0, interrupted: [.init(referral: 1, reason: "r")],
                    moves: [.init(referral: 1, school: "s", before: "b", after: nil)])))
        #expect(try same(TimetableController.PublishDTO(week: "w", seriesStarted: 1)))
        let task = try AppDatabase.inMemory().tasks.start(.plan, key: "k", about: "a", expectedSeconds: 1, stamp: Stamp(actor: "t")).task
        #expect(try same(TaskController.TaskDTO(task)))
        let figures = WeekFigures(
            week: CalendarDate("2026-11-30")!, waiting: ["EP": 1], withinTarget: ["EP": 1], medianWait: ["EP": 1],
            p90Wait: ["EP": 1], statutoryBreaches: 0, travelMinutes: 1, miles: 1, sessionHours: 1, workingHours: 1, schoolHours: [:])
        #expect(try same(SimulationController.FiguresDTO(figures)))
        #expect(try same(SystemController.HealthDTO(status: "ok", database: "wal")))
        #expect(
            try same(SessionController.RecordedDTO(date: "d", recorded: 1))
                && same(SessionController.CorrectedDTO(date: "d", referral: 1, outcome: "o")))
    }
}
