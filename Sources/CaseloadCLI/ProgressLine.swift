import CaseloadPlanner
import Foundation

/// A one-line progress display on standard error, redrawn in place; silent when not a terminal.
final class ProgressLine: @unchecked Sendable {
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ p: PlannerProgress) {
        guard enabled else { return }
        let pct = p.totalIterations == 0 ? 100 : 100 * p.iteration / p.totalIterations
        let line = String(
            format: "\r  searching %3d%%  served %d  placed %d  travel %d min  %.1f s ",
            pct, p.servedPriority, p.placedSessions, p.travelMinutes, p.elapsed)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
