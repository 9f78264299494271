import ArgumentParser
import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation

/// `caseload timetable …`: publish, show, explain and report on a week.
struct TimetableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timetable", abstract: "Publish, show, explain and report on a week's timetable.",
        subcommands: [Publish.self, Show.self, Explain.self, Summary.self, Map.self])

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lock the week: first sessions booked start their series.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The Monday of the week.") var week: String

        func run() throws {
            let db = try store.open()
            let n = try WeekPlanning(db: db, config: try store.loadConfig()).publish(try monday(week), by: .commandLine, stamp: store.stamp)
            Console.print("published the week of \(week); \(n) referrals started their series")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the week per specialist or per school.")
        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, ics, json }
        @OptionGroup var store: StoreOptions
        @Option(help: "The Monday of the week.") var week: String
        @Option(help: "Only this specialist.") var specialist: String?
        @Option(help: "Only this school (URN).") var school: String?
        @Option(help: "table, csv, ics (iCalendar) or json.") var format: Format = .table

        func run() throws {
            let (t, referrals) = try load(store, week)
            let db = try store.open()
            let words = TimetableWords(services: try store.loadConfig().services, specialists: try db.roster.contacts())
            let view = TimetableView(
                t, referrals: referrals, schools: try db.roster.schools(), specialist: specialist,
                school: school, today: try store.today(), words: words)
            switch format {
            case .table:
                if !t.published { Console.print("DRAFT: the week of \(t.weekStart) is not published yet; schools and specialists cannot see it") }
                Console.print(view.rows.isEmpty ? "no sessions booked" : TimetableOutput.table(view.rows).text)
            case .csv: Console.print(view.csv, terminator: "")
            case .ics: Console.print(view.ics, terminator: "")
            case .json: Console.print(try view.json())
            }
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Why each waiting referral is not booked this week, and when it is likely.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The Monday of the week.") var week: String
        @Option(help: "Only this school (URN).") var school: String?

        func run() throws {
            let (t, referrals) = try load(store, week)
            let db = try store.open()
            let estimates = Dictionary(
                uniqueKeysWithValues: try db.referrals.waitingList(config: store.loadConfig(), today: t.weekStart)
                    .map { ($0.referral.id, $0.estimatedFirstWeek) })
            var table = TextTable(["referral", "school", "pupil", "service", "why not this week", "likely first week"])
            for u in t.unbooked where school == nil || referrals[u.referral]?.request.school == school {
                let r = referrals[u.referral]
                table.add([
                    "\(u.referral)", r?.request.school ?? "", r?.request.pupilRef ?? "", r?.request.service ?? "", u.reason,
                    (estimates[u.referral] ?? nil)?.description ?? "-",
                ])
            }
            for (b, r) in TimetableRows.offPreference(t, referrals: referrals) where school == nil || r.request.school == school {
                table.add([
                    "\(b.referral)", r.request.school, r.request.pupilRef, r.request.service,
                    "booked \(b.day.displayName), not a preferred day (\(r.request.preferredDays.map(\.displayName).joined(separator: ", "))): they had no room this week",
                    t.weekStart.description,
                ])
            }
            Console.print(table.rows.isEmpty ? "every waiting referral is booked this week, on a day the school prefers" : table.text)
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The trust's report: hours against fair share, waits, breaches, travel, utilisation.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The Monday of the week.") var week: String

        func run() throws {
            let (t, referrals) = try load(store, week)
            let db = try store.open()
            let config = try store.loadConfig()
            let report = WeekReport(
                t, referrals: referrals, waiting: try db.referrals.waitingList(config: config, today: t.weekStart),
                schools: try db.roster.schools(), config: config)
            Console.print(TimetableOutput.report(report))
            Console.print(TimetableOutput.termToDate(try TermToDate(db: db, config: config, through: t.weekStart)))
        }
    }
}

extension TimetableCommand {
    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Draw the week's routes on a map of the trust's schools (SVG).")
        @OptionGroup var store: StoreOptions
        @Option(help: "The Monday of the week.") var week: String
        @Option(name: .shortAndLong, help: "Where to write the SVG.") var out: String

        func run() throws {
            let (t, _) = try load(store, week)
            try ScenarioFiles.write(Data(RouteMap(t).svg.utf8), to: out)
            Console.print("wrote \(out): \(Set(t.bookings.map(\.specialist)).count) specialists' routes over \(t.scenario.schools.count) schools")
        }
    }
}

/// The Monday `--week` names (see `Week.monday`), or exit 2 saying what to write.
func monday(_ text: String) throws -> CalendarDate {
    do { return try Week.monday(text, field: "--week") } catch { throw CLIError.badInput(error.description) }
}

/// The stored week and the referrals it books or explains.
func load(_ store: StoreOptions, _ week: String) throws -> (WeekTimetable, [Int64: Referral]) {
    let db = try store.open()
    let w = try monday(week)
    guard let t = try db.timetables.timetable(week: w) else {
        throw CLIError.badInput("no timetable for the week of \(week); run `caseload schedule --week \(week)` first")
    }
    let ids = Set(t.bookings.map(\.referral) + t.unbooked.map(\.referral))
    let referrals = Dictionary(uniqueKeysWithValues: try db.referrals.all().filter { ids.contains($0.id) }.map { ($0.id, $0) })
    return (t, referrals)
}
