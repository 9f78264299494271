import ArgumentParser
import CaseloadConfig
import CaseloadStore
import Foundation

/// `caseload init`: creates the database and, if missing, a starter config to edit.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database and a starter Config/trust.yaml.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try InitCommand.initialise(store)
    }

    /// Creates the database and writes the starter config where none exists.
    static func initialise(_ store: StoreOptions) throws {
        let db = try AppDatabase.create(path: store.databasePath)
        Console.print(
            "database \(store.databasePath) ready"
                + (try db.journalMode() == "wal"
                    ? " (safe for the server and the command line at once)"
                    : "; its folder does not allow SQLite's write-ahead log, so use it from one program at a time")
        )
        if FileManager.default.fileExists(atPath: store.configPath) {
            Console.print("config \(store.configPath) already exists; left as it is")
        } else {
            let folder = URL(fileURLWithPath: store.configPath).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try ScenarioFiles.write(Data(StarterConfig.yaml.utf8), to: store.configPath)
            Console.print("wrote a starter config to \(store.configPath); edit it, then run `caseload config check`")
        }
    }
}

/// `caseload config check`: validates the trust's settings.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Work with the trust's settings.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate the trust's settings and summarise them.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let c = try store.loadConfig()
            Console.print("\(store.configPath): valid settings for \(c.trustName)")
            let bands = c.bands.map { "\($0.name) from \($0.minScore)" }.joined(separator: ", ")
            Console.print("  bands: \(bands); ageing \(c.ageingPointsPerWeek) points a week")
            for s in c.services {
                let paths = s.pathways.map { "\($0.name) (\($0.sessions) × \($0.minutes) min)" }.joined(separator: ", ")
                Console.print(
                    "  \(s.code): threshold \(s.threshold), at least \(s.apdrCycles) assess-plan-do-review cycle\(s.apdrCycles == 1 ? "" : "s") first; pathways \(paths)"
                )
            }
        }
    }
}
