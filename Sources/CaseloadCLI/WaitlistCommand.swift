import ArgumentParser
import CaseloadCore
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
            t.add([r.request.service, "\(e.position)", "\(r.id)", r.request.school, r.request.pupilRef, r.band, "\(e.priority)",
                   "\(e.weeksWaited)", e.targetWeeks.map(String.init) ?? "", e.breached ? "yes" : "",
                   e.statutoryDeadline?.description ?? "", e.estimatedFirstWeek?.description ?? "no capacity"])
        }
        return t
    }

    func json(_ entries: [WaitingEntry]) throws -> String {
        let rows: [[String: JSONScalar]] = entries.map { e in
            let r = e.referral
            return ["service": .s(r.request.service), "position": .i(e.position), "referral": .i(Int(r.id)), "school": .s(r.request.school),
                    "pupil_ref": .s(r.request.pupilRef), "band": .s(r.band), "priority": .i(e.priority), "weeks_waited": .i(e.weeksWaited),
                    "target_weeks": e.targetWeeks.map(JSONScalar.i) ?? .null, "breached": .b(e.breached),
                    "statutory_deadline": e.statutoryDeadline.map { .s($0.description) } ?? .null,
                    "estimated_first_week": e.estimatedFirstWeek.map { .s($0.description) } ?? .null]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }
}

/// A JSON leaf for the CLI's JSON output.
enum JSONScalar: Encodable {
    case s(String), i(Int), b(Bool), null

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .s(let v): try c.encode(v)
        case .i(let v): try c.encode(v)
        case .b(let v): try c.encode(v)
        case .null: try c.encodeNil()
        }
    }
}
