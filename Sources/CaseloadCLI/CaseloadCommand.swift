import ArgumentParser

/// The `caseload` command: the trust's booking and waiting-list scheduler.
public struct CaseloadCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "caseload",
        abstract: "Referrals, waiting lists and specialists' weekly timetables for a multi-academy trust.",
        subcommands: [
            InitCommand.self, DemoCommand.self, ImportCommand.self, ReferralCommand.self, WaitlistCommand.self, ConfigCommand.self,
            CalendarCommand.self, SchoolCommand.self,
            ScheduleCommand.self, TimetableCommand.self, SessionCommand.self, SpecialistCommand.self, ServeCommand.self, TokenCommand.self,
            SimulateCommand.self,
            PlanCommand.self, CheckCommand.self, FixturesCommand.self,
        ]
    )

    public init() {}
}
