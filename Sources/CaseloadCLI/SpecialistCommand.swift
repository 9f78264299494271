import ArgumentParser
import CaseloadCore
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
            let a = try Day.date(from, field: "--from", what: "the first day away")
            let b = try Day.date(to ?? from, field: "--to", what: "the last day away")
            let half = try SpecialistCommand.part(part)
            try store.open().calendar.addLeave(specialist: id, from: a, to: b, part: half, reason: reason, stamp: store.stamp)
            let when = half == .whole ? "\(a) to \(b)" : "\(half.words) of \(a)"
            Console.print("\(id) is away \(when); re-plan with: caseload schedule --week \(a.monday) --replan --preview, then --confirm")
        }
    }

    /// Reads `--part`.
    static func part(_ text: String) throws -> DayPart {
        guard let part = DayPart(rawValue: text.lowercased()) else {
            throw InputError(field: "--part", problem: "\"\(text)\" is not a part of a day; use day, morning or afternoon")
        }
        return part
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
            let a = try Day.date(from, field: "--from", what: "the first day away")
            let b = try Day.date(to ?? from, field: "--to", what: "the last day away")
            let (before, after) = try store.open().calendar.correctAbsence(
                number, from: a, to: b, part: try SpecialistCommand.part(part), reason: reason, stamp: store.stamp)
            let weeks = Set([before.first.monday, after.first.monday]).sorted()
            Console.print(
                "corrected \(after.specialist)'s absence \(number): now \(after.first) to \(after.last) (\(after.part.words)); re-plan with: "
                    + weeks.map { "caseload schedule --week \($0) --replan --preview, then --confirm" }.joined(separator: "; "))
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
            let gone = try store.open().calendar.withdrawAbsence(number, reason: reason, stamp: store.stamp)
            Console.print(
                "withdrew \(gone.specialist)'s absence \(gone.first) to \(gone.last); re-plan with: caseload schedule --week \(gone.first.monday) --replan --preview, then --confirm"
            )
        }
    }
}
