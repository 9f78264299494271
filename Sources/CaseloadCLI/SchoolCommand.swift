import ArgumentParser
import CaseloadCore
import CaseloadFormats
import CaseloadStore
import Foundation

/// `caseload school …`: a school's own closures (INSET days and the like).
struct SchoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "school", abstract: "Record the days a school is closed (INSET days, polling days), list and remove them.",
        subcommands: [Close.self, Closures.self, Reopen.self])

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a school for whole days (or import a CSV of closures: urn,from,to,reason); then re-plan any week it touches.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The school's URN (not needed with --file).") var urn: String?
        @Option(help: "First closed day, YYYY-MM-DD.") var from: String?
        @Option(help: "Last closed day (default: the first).") var to: String?
        @Option(help: "Why, as a SENCO would put it, e.g. \"INSET day\".") var reason: String = "INSET day"
        @Option(help: "A CSV of closures, urn,from,to,reason (all or nothing, unless --skip-bad-rows).") var file: String?
        @OptionGroup var badRows: BadRows

        func run() throws {
            let closures = try read()
            let affected = try store.open().calendar.addClosures(closures, stamp: store.stamp).replan
            Console.print("recorded \(closures.count) closure\(closures.count == 1 ? "" : "s")")
            for w in affected {
                Console.print(
                    "  the week of \(w.week) has \(w.bookings) session\(w.bookings == 1 ? "" : "s") on closed days; re-plan it: caseload schedule --week \(w.week) --replan --preview, then --confirm"
                )
            }
        }

        func read() throws -> [Closure] {
            if let file {
                let result = ClosureFile.read(try ScenarioFiles.text(file), school: urn)
                try badRows.refuseOrReport(result.problems, file: file)
                guard result.closures.allSatisfy({ $0.school != nil }) else {
                    throw CLIError.badInput(
                        "\(file): give each row a urn column, or the URN as the argument (for trust-wide closures use caseload calendar import)")
                }
                return result.closures
            }
            guard let urn, let from else { throw CLIError.badInput("give the URN, --from and optionally --to (or --file closures.csv)") }
            let a = try Day.date(from, field: "--from", what: "the first day closed")
            let b = try Day.date(to ?? from, field: "--to", what: "the last day closed")
            return [Closure(from: a, to: b, reason: reason, school: urn)]
        }
    }

    struct Closures: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored closures: one school's (with the trust's), or all.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The school's URN (default: every stored closure).") var urn: String?

        func run() throws {
            var t = TextTable(["id", "school", "from", "to", "reason"])
            for c in try store.open().calendar.closures(school: urn) {
                t.add(["\(c.id ?? 0)", c.school ?? "whole trust", c.from.description, c.to.description, c.reason])
            }
            Console.print(t.text)
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a stored closure by its id (see caseload school closures).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The closure's id.") var id: Int64

        func run() throws {
            try store.open().calendar.removeClosure(id: id, school: nil, stamp: store.stamp)
            Console.print("closure \(id) removed; re-plan any week it touched to use the days again")
        }
    }
}
