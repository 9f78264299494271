import ArgumentParser
import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation

/// `caseload waitlist`: the waiting list in current priority order.
struct WaitlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waitlist", abstract: "Show the waiting list per service, in current priority order.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var store: StoreOptions
    @Option(help: "Only this service.") var service: String?
    @Option(help: "Only this school's referrals (URN).") var school: String?
    @Option(help: "table, csv or json.") var format: Format = .table
    @Flag(
        help:
            "First roll the list forward with the planner (a few seconds a week), so that each first week promised is the week the planner would book it."
    )
    var project = false
    @Option(help: "With --project: term weeks to roll forward.") var weeks: Int = 12

    func run() throws {
        let db = try store.open()
        let config = try store.loadConfig()
        let today = try store.today()
        if project {
            guard (1...52).contains(weeks) else { throw CLIError.badInput("--weeks \(weeks): give 1 to 52 term weeks") }
            let p = try WaitingProjection(db: db, config: config, weeks: weeks).run(today: today, stamp: store.stamp)
            Console.error(
                "projected \(p.weeks.count) term weeks from \(p.weeks.first?.description ?? "-"): \(p.firstWeek.count) of \(p.waiting.count) waiting referrals seen\n"
            )
        }
        let entries = try db.referrals.waitingList(config: config, today: today, service: service?.uppercased(), school: school)
        switch format {
        case .table:
            Console.print(entries.isEmpty ? "nobody is waiting" : table(entries).text)
            for e in entries where e.deadlineWarning != nil {
                Console.print("! referral \(e.referral.id) (\(e.referral.request.school)): \(e.deadlineWarning!)")
            }
            if let source = entries.first?.estimateSource {
                Console.print(
                    source == "projection"
                        ? "first weeks from the planner's projection"
                        : "first weeks from the fill rate; run caseload waitlist --project for the planner's projection")
            }
        case .csv: Console.print(table(entries).csv)
        case .json: Console.print(try json(entries))
        }
    }

    func table(_ entries: [WaitingEntry]) -> TextTable {
        var t = TextTable([
            "service", "pos", "referral", "school", "pupil", "band", "priority", "weeks", "target", "breach", "deadline", "first week",
        ])
        for e in entries {
            let r = e.referral
            t.add([
                r.request.service, "\(e.position)", "\(r.id)", r.request.school, r.request.pupilRef, e.band, "\(e.priority)",
                "\(e.weeksWaited)", e.targetWeeks.map(String.init) ?? "", e.breached ? "yes" : "",
                (e.statutoryDeadline?.description ?? "") + (e.deadlineWarning == nil ? "" : " !"),
                e.estimatedFirstWeek?.description ?? "no capacity",
            ])
        }
        return t
    }

    func json(_ entries: [WaitingEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(ListDTO(items: entries.map(WaitingDTO.init))), as: UTF8.self)
    }
}
