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

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func matchesTheStandardVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }
}
