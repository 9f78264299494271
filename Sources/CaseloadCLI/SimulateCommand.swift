import ArgumentParser
import CaseloadConfig
import CaseloadCore
import CaseloadFormats
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import Foundation

/// `caseload simulate`: a term under other thresholds or capacity, against the baseline.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a term under other settings or roster against the current ones; the database is never changed.")

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Weeks to roll forward (\(TermSimulation.weeksAllowed.lowerBound) to \(TermSimulation.weeksAllowed.upperBound))."))
    var weeks = TermSimulation.defaultWeeks
    @Option(name: .customLong("alt-config"), help: "The alternative settings (default: the current ones).") var altConfig: String?
    @Option(help: "Specialists to add or change in the alternative (roster CSV or YAML).") var roster: String?
    @Option(help: "historical, or referrals per school and service per week.") var arrivals = "historical"
    @Option(help: "Share of sessions lost to pupil absence.") var absence = 0.08
    @Option(help: "Seed for arrivals and absences (both runs share them).") var seed: UInt64 = 1
    @Option(help: "Planner iterations per thread for each simulated week.") var iterations = 400
    @Option(help: "Folder for report.html (and figures.json).") var out: String?

    func run() throws {
        _ = try TermSimulation.checked(weeks: weeks, field: "--weeks")
        let db = try store.open()
        let base = try store.loadConfig()
        let alt =
            try altConfig.map { path -> TrustConfig in
                do { return try TrustConfigFile.load(path) } catch let e as InputError { throw CLIError.badInput(e.description) }
            } ?? base
        let rate = try arrivalRate()
        let extra = try rosterEntries(db)
        let today = try store.today()
        let start = try TermSimulation.firstWeek(after: today, db: db)
        let whatIf = WhatIf(
            simulation: TermSimulation(
                weeks: weeks, start: start, absence: absence, seed: seed,
                planner: PlannerOptions(iterations: iterations)), rate: rate)
        let report = try whatIf.run(
            baseline: Policy(name: "baseline", config: base),
            alternative: Policy(name: "alternative", config: alt, roster: extra), db: db)
        Console.print(report.text)
        if let out { try write(report, to: out) }
    }

    func arrivalRate() throws -> Double? {
        if arrivals == "historical" { return nil }
        guard let r = Double(arrivals), r >= 0 else {
            throw CLIError.badInput("--arrivals \(arrivals): give historical or a number per school and service per week")
        }
        return r
    }

    func rosterEntries(_ db: AppDatabase) throws -> [RosterEntry] {
        guard let roster else { return [] }
        let schools = Dictionary(uniqueKeysWithValues: try db.roster.schools().map { ($0.urn, $0.location) })
        let (entries, problems) = RosterReader.read(
            try records(roster, key: "specialists"), schools: schools,
            services: try store.loadConfig().services.map(\.code))
        try BadRows.refuse(problems, file: roster)
        return entries
    }

    func write(_ report: SimulationReport, to folder: String) throws {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw CLIError.badInput("--out \(folder): cannot make that folder (\(error.localizedDescription)); give a folder that can be written")
        }
        try ScenarioFiles.write(Data(report.html.utf8), to: "\(folder)/report.html")
        try ScenarioFiles.write(try report.figuresJSON(), to: "\(folder)/figures.json")
        Console.print("wrote \(folder)/report.html and \(folder)/figures.json")
    }
}
