import CaseloadCore
import CaseloadService
import Foundation
import Logging
import ServiceLifecycle

/// `caseload serve`'s clock for the trust's scheduled jobs (`jobs` in the settings): each minute
/// it runs whatever has come due, on the heavy-work queue (planning a week takes its search
/// time), the settings read afresh each time; every five minutes it looks for urgent referrals
/// newly set to miss their target (`LateWatch`). Stops at the server's graceful shutdown.
struct JobRounds: Service {
    let state: ServerState
    let logger = Logger(label: "caseload.jobs")

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            var minutes = 0
            while !Task.isCancelled {
                await self.round()
                if minutes % 5 == 0 { LateWatch(state: self.state).check() }  // and after each task
                minutes += 1
                try await Task.sleep(for: .seconds(60))
            }
        }
    }

    func round() async {
        let config = state.config
        guard !config.jobs.jobs.isEmpty else { return }
        let (jobs, now) = (ScheduledJobs(db: state.db, config: config, options: state.planner), state.now())
        do {
            let ran = try await state.heavy.inTurn("the scheduled jobs") { try jobs.runDue(now: now) }
            for r in ran { logger.info("job \(r.job) due \(r.due): \(r.ok ? "ok" : "FAILED"): \(r.detail)") }
        } catch {
            logger.error("scheduled jobs: \(error)")
        }
    }
}
