import ArgumentParser
import CaseloadCore
import CaseloadFormats
import CaseloadStore
import Foundation

/// `caseload session record|correct`: what happened at booked sessions.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Record what happened at booked sessions, and correct a wrong record.",
        subcommands: [Record.self, Correct.self])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record outcomes: a whole day from a CSV file (referral,outcome), or one session.",
            discussion: """
                delivered advances the series; school_cancelled, pupil_absent and specialist_absent offer the session \
                again next week. Each outcome counts on the session's own date and is refused before that date.
                  caseload session record --day 2026-12-01 --file outcomes.csv
                  caseload session record --day 2026-12-01 --referral 12 --outcome delivered
                """)
        @OptionGroup var store: StoreOptions
        @Option(help: "The day of the sessions, YYYY-MM-DD.") var day: String?
        @Option(help: "Or the Monday of the week: the referral's session that week, whatever its day.") var week: String?
        @Option(help: "A CSV file of the day's outcomes, columns referral,outcome.") var file: String?
        @Option(help: "One referral's number (with --outcome).") var referral: Int64?
        @Option(help: "delivered, school_cancelled, pupil_absent or specialist_absent.") var outcome: String?

        func run() throws {
            let db = try store.open()
            let config = try store.loadConfig()
            let today = try store.today()
            if let week, day == nil, file == nil {
                let (id, o) = try single()
                try db.timetables.recordOutcome(week: try monday(week), referral: id, outcome: o, today: today, config: config, stamp: store.stamp)
                Console.print("recorded referral \(id) in the week of \(week): \(o.rawValue)")
                return
            }
            let date = try Day.date(day ?? "", field: "--day", what: "the sessions' day")
            let entries =
                try file.map { try OutcomeFile.read(try ScenarioFiles.text($0)) }
                ?? [try single()].map { OutcomeEntry(referral: $0.0, outcome: $0.1) }
            let done = try db.timetables.recordOutcomes(day: date, entries, today: today, config: config, stamp: store.stamp)
            Console.print(
                "recorded \(done.count) session\(done.count == 1 ? "" : "s") of \(date): "
                    + Dictionary(grouping: entries, by: \.outcome).map { "\($0.value.count) \($0.key.rawValue)" }.sorted().joined(separator: ", ")
            )
        }

        func single() throws -> (Int64, SessionOutcome) {
            guard let referral, let outcome else { throw CLIError.badInput("give --file, or --referral with --outcome") }
            return (referral, try OutcomeEntry.outcome(outcome, field: "--outcome"))
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a recorded outcome; the series steps back or on to match, and the reason is audited.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The day of the session, YYYY-MM-DD.") var day: String
        @Option(help: "The referral's number.") var referral: Int64
        @Option(help: "What really happened.") var outcome: String
        @Option(help: "Why the record was wrong (kept in the audit log).") var reason: String

        func run() throws {
            let date = try Day.date(day, field: "--day", what: "the session's day")
            let o = try OutcomeEntry.outcome(outcome, field: "--outcome")
            try store.open().timetables.correctOutcome(
                day: date, referral: referral, to: o, reason: reason, config: store.loadConfig(), stamp: store.stamp)
            Console.print("corrected referral \(referral)'s session of \(date) to \(o.rawValue)")
        }
    }
}
