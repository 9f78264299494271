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

    func run() throws {
        try reportingErrors {
            let entries = try store.open().waitingList(config: store.loadConfig(), today: store.today(),
                                                       service: service?.uppercased(), school: school)
            switch format {
            case .table: print(entries.isEmpty ? "nobody is waiting" : table(entries).text)
            case .csv: print(table(entries).csv)
            case .json: print(try json(entries))
            }
        }
    }

    func table(_ entries: [WaitingEntry]) -> TextTable {
        var t = TextTable(["service", "pos", "referral", "school", "pupil", "band", "priority", "weeks", "target", "breach", "deadline", "first week"])
        for e in entries {
            let r = e.referral
            t.add([r.request.service, "\(e.position)", "\(r.id)", r.request.school, r.request.pupilRef, e.band, "\(e.priority)",
                   "\(e.weeksWaited)", e.targetWeeks.map(String.init) ?? "", e.breached ? "yes" : "",
                   e.statutoryDeadline?.description ?? "", e.estimatedFirstWeek?.description ?? "no capacity"])
        }
        return t
    }

    func json(_ entries: [WaitingEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(ListDTO(items: entries.map(WaitingDTO.init))), as: UTF8.self)
    }
}
