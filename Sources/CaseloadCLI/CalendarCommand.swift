import ArgumentParser
import CaseloadCore
import CaseloadFormats
import CaseloadStore
import Foundation

/// `caseload calendar …`: the school year as the planner sees it, and importing next year's dates.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Show the school year week by week, and import closures from a CSV or iCalendar file.",
        subcommands: [Show.self, Import.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Week by week: open, part-closed, or closed and why.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The first Monday (default: this week's).") var from: String?
        @Option(help: "How many weeks.") var weeks: Int = 16

        func run() throws {
            let calendar = try store.open().calendar.withClosures(try store.loadConfig()).calendar
            let today = try store.today()
            let start = try from.map { try Week.monday($0, field: "--from") } ?? today.monday
            var t = TextTable(["week", "trust", "closed days"])
            for w in 0..<max(1, min(weeks, 104)) {
                let monday = start.adding(days: 7 * w)
                let schoolDays = calendar.closures.filter { $0.school != nil && $0.from <= monday.adding(days: 4) && $0.to >= monday }
                t.add([
                    monday.description, calendar.isTermWeek(monday) ? "open" : "closed",
                    (Show.closedDays(calendar, monday) + schoolDays.map { "school \($0.school!): \($0.label)" }).joined(separator: "; "),
                ])
            }
            Console.print(t.text)
            if let last = calendar.terms.last?.to, last < start.adding(days: 7 * weeks) {
                Console.print(
                    "the calendar's terms end on \(last): add next year's terms to calendar.terms, and import its holidays with caseload calendar import"
                )
            }
        }
    }

}

extension CalendarCommand.Show {
    /// Weekdays closed trust-wide, runs of days with the same reason together: "mon-fri: Christmas holiday (…)".
    static func closedDays(_ calendar: SchoolCalendar, _ monday: CalendarDate) -> [String] {
        var runs: [(first: Weekday, last: Weekday, reason: String)] = []
        for d in 0..<5 {
            let date = monday.adding(days: d)
            guard let why = calendar.closedReason(date) else { continue }
            if let last = runs.last, last.reason == why, last.last.index == d - 1 {
                runs[runs.count - 1].last = date.weekday
            } else {
                runs.append((date.weekday, date.weekday, why))
            }
        }
        return runs.map { ($0.first == $0.last ? $0.first.rawValue : "\($0.first.rawValue)-\($0.last.rawValue)") + ": \($0.reason)" }
    }
}

extension CalendarCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import closures (holidays, bank holidays, INSET days) from a CSV (from,to,reason[,urn]) or an iCalendar (.ics) file.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var badRows: BadRows
        @Argument(help: "The file.") var file: String
        @Option(help: "Give every closure in the file to this school (default: the whole trust, or each CSV row's urn).") var school: String?

        func run() throws {
            let result = ClosureFile.read(try ScenarioFiles.text(file), school: school)
            try badRows.refuseOrReport(result.problems, file: file)
            guard !result.closures.isEmpty else { throw CLIError.badInput("\(file) holds no closures (all-day events or from,to,reason rows)") }
            let affected = try store.open().calendar.addClosures(result.closures, stamp: store.stamp).replan
            Console.print("imported \(result.closures.count) closure\(result.closures.count == 1 ? "" : "s") from \(file)")
            if !result.notClosures.isEmpty {
                Console.print(
                    "left out \(result.notClosures.count) event\(result.notClosures.count == 1 ? "" : "s") that mark a term's first or last day (put term dates in calendar.terms):"
                )
                for n in result.notClosures.prefix(10) { Console.print("  \(n)") }
            }
            for w in affected {
                Console.print(
                    "  the week of \(w.week) has \(w.bookings) sessions on closed days; re-plan it: caseload schedule --week \(w.week) --replan --preview, then --confirm"
                )
            }
        }
    }
}
