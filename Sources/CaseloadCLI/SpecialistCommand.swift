import ArgumentParser
import CaseloadCore
import CaseloadService
import CaseloadStore

/// `caseload specialist …`: the roster and leave.
struct SpecialistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specialist", abstract: "List specialists, and record, list, correct and withdraw their absences.",
        subcommands: [List.self, Absent.self, Absences.self, Correct.self, Withdraw.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the roster.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let rule = try store.loadConfig().planning
            var t = TextTable(["id", "service", "skills", "base school", "working days (lunch break)"])
            for e in try store.open().roster.specialists() {
                t.add([
                    e.specialist.id, e.specialist.service, e.specialist.skills.joined(separator: ";"), e.baseSchool ?? "",
                    e.specialist.days.map { List.describe(rule.withBreak($0)) }.joined(separator: ", "),
                ])
            }
            Console.print(t.text)
        }

        /// `mon 08:30-16:30 (30 min 12:00-13:30)`, or `(no break)`.
        static func describe(_ d: WorkingDay) -> String {
            "\(d.day.rawValue) \(d.start)-\(d.end) " + (d.rest.map { "(\($0.minutes) min \($0.earliest)-\($0.latestEnd))" } ?? "(no break)")
        }
    }

    struct Absent: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record days (or a morning or afternoon) a specialist is away; then re-plan any published week it touches.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The specialist's id.") var id: String
        @Option(help: "First day away, YYYY-MM-DD.") var from: String
        @Option(help: "Last day away (default: the first).") var to: String?
        @Option(help: "day, morning (until 12:30) or afternoon (from 12:30); a half day is one day.") var part: String = "day"
        @Option(help: "Why (kept in the audit log).") var reason: String = "absent"

        func run() throws {
            let (a, b, half) = try SpecialistCommand.days(from, to, part)
            let done = try AbsenceReporting(db: store.open()).report(
                id, from: a, to: b, part: half, reason: reason, by: .commandLine, today: try store.today(), stamp: store.stamp)
            Console.print("\(id) is away \(SpecialistCommand.when(done)); \(SpecialistCommand.replan(done))")
        }
    }

    /// Reads `--from`, `--to` (default: the first day) and `--part`.
    static func days(_ from: String, _ to: String?, _ part: String) throws -> (CalendarDate, CalendarDate, DayPart) {
        let a = try Day.date(from, field: "--from", what: "the first day away")
        let b = try Day.date(to ?? from, field: "--to", what: "the last day away")
        guard let half = DayPart(rawValue: part.lowercased()) else {
            throw InputError(field: "--part", problem: "\"\(part)\" is not a part of a day; use day, morning or afternoon")
        }
        return (a, b, half)
    }

    /// "2026-12-02 to 2026-12-03", or "the morning of 2026-12-02".
    static func when(_ r: AbsenceReporting.Recorded) -> String {
        r.part == .whole ? "\(r.from) to \(r.to)" : "\(r.part.words) of \(r.from)"
    }

    /// The re-plan to run: each published week the absence touches, else its first week.
    static func replan(_ r: AbsenceReporting.Recorded) -> String {
        let weeks = r.weeks.isEmpty ? [r.from.monday] : r.weeks
        return "re-plan with: " + weeks.map { "caseload schedule --week \($0) --replan --preview, then --confirm" }.joined(separator: "; ")
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a recorded absence (its days, part or reason); then re-plan the published weeks it touches.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The absence's number (see `caseload specialist absences`).") var number: Int64
        @Option(help: "First day away, YYYY-MM-DD.") var from: String
        @Option(help: "Last day away (default: the first).") var to: String?
        @Option(help: "day, morning or afternoon.") var part: String = "day"
        @Option(help: "Why (kept in the audit log).") var reason: String = "corrected"

        func run() throws {
            let (a, b, half) = try SpecialistCommand.days(from, to, part)
            let done = try AbsenceReporting(db: store.open()).correct(
                number, from: a, to: b, part: half, reason: reason, by: .commandLine, today: try store.today(), stamp: store.stamp)
            Console.print("corrected \(done.specialist)'s absence \(number): now \(SpecialistCommand.when(done)); \(SpecialistCommand.replan(done))")
        }
    }

    struct Absences: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recorded absences (all, or one specialist's), with their numbers.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "A specialist's id (default: everyone).") var id: String?

        func run() throws {
            var t = TextTable(["number", "specialist", "from", "to", "part", "why"])
            for a in try store.open().calendar.absences(specialist: id) {
                t.add(["\(a.id)", a.leave.specialist, "\(a.leave.first)", "\(a.leave.last)", a.leave.part.words, a.reason])
            }
            Console.print(t.text)
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw a recorded absence (a mistake, or they came back); then re-plan any published week it touched.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The absence's number (see `caseload specialist absences`).") var number: Int64
        @Option(help: "Why (kept in the audit log).") var reason: String = "withdrawn"

        func run() throws {
            let gone = try AbsenceReporting(db: store.open()).withdraw(number, reason: reason, by: .commandLine, stamp: store.stamp)
            Console.print("withdrew \(gone.specialist)'s absence \(SpecialistCommand.when(gone)); \(SpecialistCommand.replan(gone))")
        }
    }
}
