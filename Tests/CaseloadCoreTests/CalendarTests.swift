import CaseloadConfig
import CaseloadCore
import CaseloadFormats
import Foundation
import Testing

@Suite struct CalendarTests {
    let year = try! TrustConfigFile.load(
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config/trust.yaml").path
    ).calendar

    @Test func theStarterYearClosesChristmasHalfTermsAndBankHolidays() {
        #expect(!year.isTermWeek(CalendarDate("2026-12-21")!) && !year.isTermWeek(CalendarDate("2026-12-28")!))
        #expect(year.closedWeekReason(CalendarDate("2026-12-21")!)?.hasPrefix("Christmas holiday") == true)
        #expect(!year.isTermWeek(CalendarDate("2026-10-26")!) && !year.isTermWeek(CalendarDate("2027-02-15")!))
        #expect(year.openDays(week: CalendarDate("2027-05-03")!) == [.tue, .wed, .thu, .fri])
        #expect(year.termWeeks(from: CalendarDate("2026-12-14")!, count: 2) == [CalendarDate("2026-12-14")!, CalendarDate("2027-01-04")!])
        #expect(year.lastOpenDay(onOrBefore: CalendarDate("2026-12-30")!) == CalendarDate("2026-12-18"))
        #expect(year.isOpen(CalendarDate("2027-08-30")!), "after the last term the calendar says nothing")
        #expect(!year.covers(CalendarDate("2027-08-30")!))
    }

    @Test func aSchoolsClosureClosesOnlyThatSchool() {
        var cal = year
        cal.closures.append(Closure(from: CalendarDate("2027-01-04")!, to: CalendarDate("2027-01-04")!, reason: "INSET day", school: "100"))
        #expect(cal.openDays(week: CalendarDate("2027-01-04")!, school: "100") == [.tue, .wed, .thu, .fri])
        #expect(cal.openDays(week: CalendarDate("2027-01-04")!, school: "200").count == 5)
        #expect(cal.isTermWeek(CalendarDate("2027-01-04")!))
    }

    @Test func schoolHoursReadEveryWayALeaderWritesThem() throws {
        let plain = try #require(SchoolHours("08:45-15:00"))
        #expect(plain.window(.fri) == 525...900 && plain.description == "08:45-15:00")
        let friday = try #require(SchoolHours("mon-thu 08:45-15:15, fri 08:45-13:30"))
        #expect(friday.window(.tue) == 525...915 && friday.window(.fri) == 525...810)
        #expect(friday.common([.mon, .fri], minutes: 60) == 525...810)
        #expect(friday.common([.mon, .fri], minutes: 300) == nil)
        #expect(SchoolHours(friday.description) == friday)
        #expect(SchoolHours("08:45-15:15, fri 08:45-13:30")?.window(.fri) == 525...810)
        for bad in [
            "", "9-3", "15:00-08:45", "mon 08:45", "xyz 08:45-15:00", "fri-mon 08:45-15:00", "08:45-09:00", "fri 08:45-13:00", "mon-thu 08:45-15:15",
        ] {
            #expect(SchoolHours(bad) == nil, "\(bad)")
        }
    }

    @Test func theConfigNamesABadDateOrOverlappingTerms() {
        let base = "calendar:\n  terms:\n    - name: A\n      from: 2026-09-03\n      to: 2026-12-18\n"
        for (extra, field) in [
            ("    - name: B\n      from: 2026-12-01\n      to: 2027-03-01\n", "calendar.terms[1].from"),
            ("  closures:\n    - on: 2026-13-01\n      reason: x\n", "calendar.closures[0].on"),
            ("  closures:\n    - from: 2026-10-30\n      to: 2026-10-26\n      reason: x\n", "calendar.closures[0].to"),
            ("  closure:\n    - on: 2026-10-30\n", "calendar.closure"),
        ] {
            let yaml =
                StarterConfig.yaml.replacingOccurrences(of: "\ncalendar:\n", with: "\nunused_calendar:\n")
                .components(separatedBy: "\nunused_calendar:\n")[0] + "\n" + base + extra + "\nservices:\n"
                + StarterConfig.yaml.components(separatedBy: "\nservices:\n")[1]
            #expect(throws: InputError.self) { try TrustConfigFile.parse(yaml) }
            do { _ = try TrustConfigFile.parse(yaml) } catch { #expect(error.field == field, "\(error)") }
        }
    }

    @Test func aClosureThatCannotBeRightIsRefusedWithWhy() {
        let day = CalendarDate("2027-01-04")!
        for (c, words) in [
            (Closure(from: CalendarDate("0001-01-01")!, to: day, reason: "x"), "2000-2100"),
            (Closure(from: day, to: day.adding(days: -1), reason: "x"), "before it starts"),
            (Closure(from: day, to: day.adding(days: 400), reason: "x"), "over a year"),
            (Closure(from: day, to: day, reason: " "), "needs a reason"),
            (Closure(from: day, to: day, reason: "=HYPERLINK(\"x\")"), "plain text"),
            (Closure(from: day, to: day, reason: "INSET\r\nday"), "control characters"),
            (Closure(from: day, to: day, reason: String(repeating: "a", count: 121)), "over 120"),
        ] {
            #expect(Closure.problem(c)?.contains(words) == true, "\(c.reason.prefix(20)): \(Closure.problem(c) ?? "accepted")")
        }
        #expect(Closure.problem(Closure(from: day, to: day, reason: "INSET day")) == nil)
    }

    @Test func closuresImportFromALocalAuthorityCSVOrICalendar() {
        let csv = ClosureFile.read("from,to,reason\n2027-10-25,2027-10-29,October half term\n2027-12-20,,Christmas\nbad,2027-01-01,x\n")
        #expect(csv.closures.count == 2 && csv.problems.count == 1 && csv.problems[0].hasPrefix("line 4"))
        let ics = """
            BEGIN:VCALENDAR\r
            BEGIN:VEVENT\r
            DTSTART;VALUE=DATE:20271220\r
            DTEND;VALUE=DATE:20280104\r
            SUMMARY:Christmas holiday\\, all schools\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART;VALUE=DATE:20280104\r
            SUMMARY:Spring term starts\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART:20271105T000000Z\r
            SUMMARY:INSET\r
              day\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let read = ClosureFile.read(ics)
        #expect(
            read.closures == [
                Closure(from: CalendarDate("2027-12-20")!, to: CalendarDate("2028-01-03")!, reason: "Christmas holiday, all schools"),
                Closure(from: CalendarDate("2027-11-05")!, to: CalendarDate("2027-11-05")!, reason: "INSET day"),
            ])
        #expect(read.notClosures.count == 1 && read.problems.isEmpty)
    }
}

@Suite struct WeekTests {
    @Test func aWeekIsNamedByItsMondayAndAnotherDaySaysWhichMonday() throws {
        #expect(try Week.monday("2026-11-30", field: "week") == CalendarDate("2026-11-30"))
        let tuesday = #expect(throws: InputError.self) { try Week.monday("2026-12-01", field: "--week") }
        #expect(tuesday?.field == "--week" && tuesday?.problem.contains("a Tuesday; give the week's Monday, 2026-11-30") == true)
        for bad in ["30/11/2026", "2026-11-31", "+026-11-30", ""] {
            #expect(throws: InputError.self) { try Week.monday(bad, field: "week") }
        }
    }
}

@Suite struct SchoolDayRuleTests {
    @Test func aMistypedPhaseIsNamedWithTheNearestOne() {
        let yaml = StarterConfig.yaml.replacingOccurrences(of: "  primary: 08:45-15:00", with: "  primry: 08:45-15:00")
        let error = #expect(throws: InputError.self) { try TrustConfigFile.parse(yaml) }
        #expect(error?.field == "school_day.primry" && error?.problem.contains("did you mean \"primary\"") == true)
    }

    @Test func aSchoolTakesItsOwnDayThenItsPhasesThenTheDefault() throws {
        let rule = SchoolDayRule(
            standard: SchoolHours("09:00-15:15")!,
            byPhase: ["primary": SchoolHours("08:45-15:00")!, "middle_deemed_primary": SchoolHours("08:40-15:05")!])
        var school = SchoolRecord(
            urn: "1", name: "A", phase: "Middle deemed primary", location: GeoPoint(lat: 51.4, lon: 0.1),
            pupils: 100, ehcPlans: 1, senSupport: 5)
        #expect(rule.hours(school).end == ClockTime("15:05"))
        school.phase = "Primary"
        #expect(rule.hours(school).end == ClockTime("15:00"))
        school.phase = "Secondary"
        #expect(rule.hours(school).end == ClockTime("15:15"))
        school.hours = SchoolHours("08:30-14:30")
        #expect(rule.hours(school).end == ClockTime("14:30"))
    }
}
