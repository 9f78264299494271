import ArgumentParser

/// The `caseload` command: the trust's booking and waiting-list scheduler.
public struct CaseloadCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "caseload",
        abstract: "Referrals, waiting lists and specialists' weekly timetables for a multi-academy trust.",
        subcommands: [
            InitCommand.self, DemoCommand.self, ImportCommand.self, ReferralCommand.self, WaitlistCommand.self, ConfigCommand.self,
            CalendarCommand.self, SchoolCommand.self,
            ScheduleCommand.self, TimetableCommand.self, SessionCommand.self, SpecialistCommand.self, ServeCommand.self, TokenCommand.self,
            PersonCommand.self, MailCommand.self, JobsCommand.self,
            SimulateCommand.self,
            BackupCommand.self, RestoreCommand.self, CheckDBCommand.self, RetentionCommand.self, PupilCommand.self,
            PlanCommand.self, CheckCommand.self, FixturesCommand.self,
        ]
    )

    public init() {}

    /// Parses `arguments` (without the program name), runs the command they name and returns
    /// the exit status; every error is reported by `ErrorReport`, the one place that words it.
    public static func execute(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? AsyncParsableCommand { try await command.run() } else { try command.run() }
            return 0
        } catch {
            return ErrorReport.report(error, command: self)
        }
    }

    /// `execute`, with what the command prints kept in `buffer` rather than written out.
    public static func execute(_ arguments: [String], capturingIn buffer: ConsoleBuffer) async -> Int32 {
        await Console.$capture.withValue(buffer) { await execute(arguments) }
    }
}
