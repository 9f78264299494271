import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation
import Logging

/// Runs the tasks that requests start (see `HeavyTasks`) in turn on the heavy-work queue, off
/// the request: the task's row says where it is, so the page or the API client that follows
/// it survives a reload. A task's work lives in memory; one a stopped server left unfinished is
/// marked failed when the server starts again (`TaskStore.abandonUnfinished`).
struct TaskRunner: Sendable {
    let state: ServerState
    let logger = Logger(label: "caseload.tasks")

    /// Runs `body` for `task` once its turn comes, unless the task was already there (a second
    /// click): the first click's work is running. `body` answers the result as JSON.
    func run(_ task: WorkTask, started: Bool, _ body: @escaping @Sendable () throws -> String) {
        guard started else { return }
        let (state, logger) = (state, logger)
        Task.detached {
            let outcome: Result<String, any Error>
            do {
                outcome = try await state.heavy.inTurn(TaskRunner.measured(task.kind)) {
                    try state.db.tasks.begin(task.id, at: Date())
                    return Result { try body() }
                }
                try state.db.tasks.finish(task.id, result: outcome.mapError { TaskProblem(Problem.from($0).detail) }, at: Date())
            } catch {
                logger.error("task \(task.id) (\(task.about)) could not be recorded: \(error)")
                return
            }
            if case .failure(let error) = outcome { logger.warning("task \(task.id) (\(task.about)) failed: \(error)") }
            LateWatch(state: state).check()
        }
    }
}

extension TaskRunner {
    /// The name a kind of task is measured by (`caseload_jobs_total{job=…}`): a few fixed names.
    static func measured(_ kind: WorkTask.Kind) -> String {
        switch kind {
        case .plan, .replan: "planning the week"
        case .replanPreview: "previewing the re-plan"
        case .whatIf: "the what-if"
        }
    }
}

/// The leaders hear once about each urgent or statutory referral that will miss its target: a
/// look over every service's waiting list after heavy work and every few minutes.
struct LateWatch {
    let state: ServerState

    /// Tells the leaders about the referrals newly late; a failure is logged, not thrown (the
    /// next look tries again).
    func check() {
        do {
            let config = state.config
            let names = try state.db.roster.schoolNames()
            var late: [LateReferral] = []
            for service in config.services.map(\.code) {
                late += config.urgency.late(try state.waiting.list(service: service, school: nil, state: state), schools: names)
            }
            try state.db.outbox.warnLate(late, stamp: Stamp(actor: "caseload"))
        } catch {
            Logger(label: "caseload.late").error("looking for referrals that will miss their target failed: \(error)")
        }
    }
}

/// Why a task failed, in the words its HTTP answer would have used.
struct TaskProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
