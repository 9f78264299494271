import ArgumentParser
import CaseloadCore
import CaseloadStore

/// `caseload specialist …`: the roster and leave.
struct SpecialistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specialist", abstract: "List specialists, and record, list and withdraw their absences.",
        subcommands: [List.self, Absent.self, Absences.self, Withdraw.self])

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
            abstract: "Record whole days a specialist is away; then re-plan any published week it touches.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The specialist's id.") var id: String
        @Option(help: "First day away, YYYY-MM-DD.") var from: String
        @Option(help: "Last day away (default: the first).") var to: String?
        @Option(help: "Why (kept in the audit log).") var reason: String = "absent"

        func run() throws {
            let a = try Day.date(from, field: "--from", what: "the first day away")
            let b = try Day.date(to ?? from, field: "--to", what: "the last day away")
            try store.open().calendar.addLeave(specialist: id, from: a, to: b, reason: reason, stamp: store.stamp)
            let monday = a.adding(days: -a.weekday.index)
            Console.print("\(id) is away \(a) to \(b); re-plan with: caseload schedule --week \(monday) --replan --preview, then --confirm")
        }
    }

    struct Absences: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recorded absences (all, or one specialist's), with their numbers.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "A specialist's id (default: everyone).") var id: String?

        func run() throws {
            var t = TextTable(["number", "specialist", "from", "to", "why"])
            for a in try store.open().calendar.absences(specialist: id) {
                t.add(["\(a.id)", a.leave.specialist, "\(a.leave.first)", "\(a.leave.last)", a.reason])
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
