import ArgumentParser
import CaseloadConfig
import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation

/// `caseload demo`: loads the bundled fixture trust into a database in one command.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the demo trust (Kemnal's schools, a roster, 1,000 referrals) into the database.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The bundled fixtures folder.") var fixtures = "Fixtures"
    @Flag(help: "Replace the database file if it exists.") var replace = false
    @Option(help: "Then plan this week (its Monday), and print the timetable and the trust's summary.") var week: String?

    func run() throws {
        if replace, FileManager.default.fileExists(atPath: store.databasePath) {
            do { try AppDatabase.checkFile(store.databasePath) } catch {
                throw CLIError.badInput("--replace deletes only a Caseload database: \(error); nothing was deleted")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.databasePath + suffix) }
        }
        guard !FileManager.default.fileExists(atPath: store.databasePath) else {
            throw CLIError.badInput("\(store.databasePath) already exists; pass --replace to start again, or --db with a new file name")
        }
        try InitCommand.initialise(store)
        let loaded = try DemoTrust.load(
            into: try store.open(), fixtures: fixtures, config: try store.loadConfig(),
            today: try store.today(), stamp: store.stamp)
        Console.print("imported \(loaded.schools) schools; skipped \(loaded.skippedSchools.count): \(loaded.skippedSchools.joined(separator: "; "))")
        Console.print("imported \(loaded.specialists) specialists")
        Console.print("took in \(loaded.referrals) referrals: \(loaded.waiting) on the waiting list, \(loaded.referrals - loaded.waiting) declined")
        guard let week else {
            Console.print("next: caseload waitlist --db \(store.databasePath), or caseload schedule --db \(store.databasePath) --week MONDAY")
            return
        }
        try scheduleAndShow(week)
    }

    /// The weekly job on the demo: plan the week, print its timetable and the trust's summary. Unless
    /// `--as-of` says otherwise, the week is planned at 16:00 on the Thursday before it, as a trust's
    /// weekly job would (so Monday is two school days ahead, within the notice).
    func scheduleAndShow(_ week: String) throws {
        var schedule = try ScheduleCommand.parse(["--week", week])
        schedule.store = store
        if store.asOf == nil, store.environment["CASELOAD_TODAY"] == nil, let monday = CalendarDate(week) {
            schedule.store.asOf = monday.adding(days: -4).description + "T16:00"
        }
        try schedule.run()
        // A holiday week has no timetable: the schedule said so above.
        guard let monday = CalendarDate(week), try store.open().timetables.timetable(week: monday) != nil else { return }
        var show = try TimetableCommand.Show.parse(["--week", week])
        show.store = store
        try show.run()
        var summary = try TimetableCommand.Summary.parse(["--week", week])
        summary.store = store
        try summary.run()
    }
}
