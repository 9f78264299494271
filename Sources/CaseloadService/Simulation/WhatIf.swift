import CaseloadCore
import CaseloadPlanner
import CaseloadStore

/// Baseline against alternative over a term, on the same arrivals and absences.
public struct WhatIf: Sendable {
    public var simulation: TermSimulation
    /// Arrivals per school and service per week; `nil` for the rate seen in history.
    public var rate: Double?

    /// A what-if of `simulation`'s term.
    public init(simulation: TermSimulation, rate: Double? = nil) {
        self.simulation = simulation
        self.rate = rate
    }

    /// Runs both policies from the database as it is (which is never changed) and reports.
    public func run(baseline: Policy, alternative: Policy, db: AppDatabase) throws -> SimulationReport {
        let arrivals = Arrivals(history: try db.referrals.all(), start: simulation.start, count: simulation.weeks, rate: rate, seed: simulation.seed)
        let b = try simulation.run(baseline, on: db, arrivals: arrivals)
        let a = try simulation.run(alternative, on: db, arrivals: arrivals)
        let schools = try db.roster.schools()
        let share = FairShare(
            schools: schools.map { SchoolNeed(urn: $0.urn, pupils: $0.pupils, senSupport: $0.senSupport, ehcPlans: $0.ehcPlans) },
            rule: baseline.config.fairShare)
        var report = SimulationReport(
            baseline: b, alternative: a, services: baseline.config.services.map(\.code),
            schools: schools.map { ($0.urn, $0.name, share.entitlement[$0.urn] ?? 0) })
        report.compared = SettingsChanges.between(baseline.config, alternative.config)
        return report
    }
}
