import ArgumentParser

/// The `caseload` command: the trust's booking and waiting-list scheduler.
public struct CaseloadCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "caseload",
        abstract: "Plan specialists' weeks for a multi-academy trust.",
        subcommands: [PlanCommand.self, CheckCommand.self, FixturesCommand.self]
    )

    public init() {}
}
