import ArgumentParser
import CaseloadCore
import CaseloadFixtures
import Foundation

/// `caseload fixtures …`: regenerate the bundled weeks or make a synthetic county.
struct FixturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixtures",
        abstract: "Generate week scenarios: the bundled trust fixtures, or a synthetic county of any size.",
        subcommands: [Build.self, County.self])

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Regenerate every bundled week in Fixtures/weeks from its seed.")

        @Option(help: "Folder with the trusts' school CSVs.")
        var schools = "Fixtures/schools"

        @Option(help: "Folder to write the weeks to.")
        var out = "Fixtures/weeks"

        @Option(help: "Folder to write the demo trust's roster and referrals to.")
        var trust = "Fixtures/trust"

        func run() throws {
            let demo = try BundledFixture.demoFiles(schoolsFolder: schools)
            try ScenarioFiles.write(Data(demo.roster.utf8), to: "\(trust)/roster.csv")
            try ScenarioFiles.write(Data(demo.referrals.utf8), to: "\(trust)/referrals.csv")
            Console.print("\(trust)/roster.csv and \(trust)/referrals.csv: the demo trust")
            for fixture in BundledFixture.all {
                let scenario = try fixture.scenario(schoolsFolder: schools)
                try ScenarioFiles.write(scenario.jsonData(), to: "\(out)/\(fixture.file)")
                Console.print(
                    "\(out)/\(fixture.file): \(scenario.schools.count) schools, \(scenario.specialists.count) specialists, \(scenario.sessions.count) sessions"
                )
            }
        }
    }

    struct County: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a synthetic county's week.")

        @Option(help: "Schools in the county.") var schools = 400
        @Option(help: "Specialists (split 25% EP, 42% SALT, 33% counselling).") var specialists = 120
        @Option(help: "Sessions requested this week.") var sessions = 6_500
        @Option(help: "Seed; the same numbers and seed give the same county.") var seed: UInt64 = 40_000
        @Option(name: .shortAndLong, help: "Where to write the scenario.") var out: String

        func run() throws {
            let ep = specialists / 4
            let salt = specialists * 42 / 100
            let settings = WeekGenerator.Settings(
                name: "county-\(schools)", weekStart: "2026-11-30", seed: seed,
                specialists: ["EP": ep, "SALT": salt, "COUNSELLING": specialists - ep - salt], sessions: sessions)
            let county = CountyGenerator(schoolCount: schools, seed: seed).schools()
            let scenario = WeekGenerator(schools: county, settings: settings).scenario()
            try ScenarioFiles.write(scenario.jsonData(), to: out)
            Console.print("\(out): \(scenario.schools.count) schools, \(scenario.specialists.count) specialists, \(scenario.sessions.count) sessions")
        }
    }
}
