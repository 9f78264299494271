import ArgumentParser
import CaseloadCore
import CaseloadStore

/// `caseload session record`: what happened at a booked session.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Record what happened at booked sessions.", subcommands: [Record.self])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "delivered advances the series; school_cancelled, pupil_absent and specialist_absent offer the session again next week.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The Monday of the week.") var week: String
        @Option(help: "The referral's number.") var referral: Int64
        @Option(help: "delivered, school_cancelled, pupil_absent or specialist_absent.") var outcome: String

        func run() throws {
            try reportingErrors {
                guard let o = SessionOutcome(rawValue: outcome) else {
                    throw CLIError.badInput("--outcome \(outcome): use one of \(SessionOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                try store.open().recordOutcome(week: try monday(week), referral: referral, outcome: o, config: store.loadConfig(), stamp: store.stamp)
                print("recorded referral \(referral) in the week of \(week): \(o.rawValue)")
            }
        }
    }
}
