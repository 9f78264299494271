import CaseloadCore
import Testing

@Suite struct TimeAndDateTests {
    @Test(arguments: [("00:00", 0), ("08:30", 510), ("15:15", 915), ("24:00", 1440)])
    func parsesClockTimes(text: String, minutes: Int) {
        #expect(ClockTime(text)?.minutes == minutes)
        #expect(ClockTime(minutes: minutes).description == text)
    }

    @Test(arguments: ["8:30", "08:60", "25:00", "0830", "08:3", "ab:cd", ""])
    func refusesMalformedTimes(text: String) {
        #expect(ClockTime(text) == nil)
    }

    @Test func knowsTheDayOfTheWeek() {
        #expect(CalendarDate("2026-11-30")?.weekday == .mon)
        #expect(CalendarDate("2026-11-23")?.weekday == .mon)
        #expect(CalendarDate("2024-02-29")?.weekday == .thu)
        #expect(CalendarDate("2025-02-29") == nil)
        #expect(CalendarDate("1970-01-01")?.dayNumber == 0)
        #expect(CalendarDate("2026-11-30")!.adding(days: 7).description == "2026-12-07")
        #expect(CalendarDate("2026-12-28")!.adding(days: 7).description == "2027-01-04")
    }
}
