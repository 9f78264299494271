import CaseloadCore
import CaseloadFormats
import Testing

/// One date parser, one wording: a day, a week's Monday, a closure file's line and a settings
/// date all say the same thing when the text is not a date.
@Suite struct DayParsingTests {
    @Test(arguments: ["31/12/2026", "2026-02-30", "tomorrow", "", "2026-1-5"])
    func textThatIsNotADateIsRefusedInOneWording(_ text: String) throws {
        let day = try #require(throws: InputError.self) { try Day.date(text, field: "--day") }
        #expect(day.field == "--day" && day.problem.contains("is not a date; give a date as YYYY-MM-DD"))
        let week = try #require(throws: InputError.self) { try Week.monday(text, field: "week") }
        #expect(week.problem.contains("is not a date; give the week's Monday as YYYY-MM-DD"))
        let file = ClosureFile.read("from,to,reason\n\(text),2026-12-01,INSET\n", school: "100001")
        #expect(file.problems.first?.contains("is not a date; give the first and last day closed as YYYY-MM-DD") == true, "\(file.problems)")
    }

    @Test func aDateThatIsNotAMondaySaysWhichMondayWasMeant() throws {
        #expect(try Day.date(" 2026-12-02 ", field: "day") == CalendarDate("2026-12-02"))
        let error = try #require(throws: InputError.self) { try Week.monday("2026-12-02", field: "week") }
        #expect(error.problem == "2026-12-02 is a Wednesday; give the week's Monday, 2026-11-30")
    }
}
