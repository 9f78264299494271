import ArgumentParser
import CaseloadCore
import CaseloadPlanner
import CaseloadService
import CaseloadStore
import Foundation

/// `caseload schedule --week 2026-11-30`: the weekly job.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Plan a week from the waiting list and running series, and store it as the week's draft timetable.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The Monday of the week, YYYY-MM-DD.") var week: String
    @Flag(help: "Re-plan a published week: keep every booking that can stay, move only what must.") var replan = false
    @Option(help: "Also write the week's scenario (caseload-scenario/1) here, to replay or check it.") var exportScenario: String?
    @Option(help: "Also write the plan (caseload-plan/1) here.") var exportPlan: String?
    @Option(
        help: "Search for this many seconds, restarting from the best when it stagnates (default: the trust's planning.search_seconds).")
    var timeLimit: Double?
    @Option(help: "Random seed; the same seed and database give the same timetable.") var seed: UInt64 = 1
    @Option(help: "Search iterations per thread instead of a time: the same timetable for a seed on any machine.")
    var iterations: Int?
    @Flag(inversion: .prefixedNo, help: "Then roll the waiting list forward with the planner, so the first weeks promised to SENCOs are fresh.")
    var project = true
    @Flag(help: "Approve new bookings inside the trust's notice (planning.notice_school_days) for this run; recorded in the audit log.")
    var shortNotice = false
    @Flag(help: "With --replan: show what the re-plan would move, changing nothing.") var preview = false
    @Flag(help: "With --replan: confirm the re-plan of a published week (it moves schools' published visits at once).") var confirm = false

    func validate() throws { try PlanCommand.check(timeLimit: timeLimit) }

    func run() throws {
        let monday = try CaseloadCLI.monday(week)
        let db = try store.open()
        let config = try store.loadConfig()
        let options = PlannerOptions.search(seconds: timeLimit, seed: seed, iterations: iterations)
        let planning = WeekPlanning(db: db, config: config, options: options)
        let result: ScheduleResult
        do {
            if replan, preview {
                let seen = try planning.preview(monday, by: .commandLine, now: try store.now(), shortNotice: shortNotice)
                return Console.print(ScheduleCommand.preview(seen))
            }
            result = try planning.plan(
                monday, replan: replan, by: .commandLine, now: try store.now(), shortNotice: shortNotice, confirmed: confirm, stamp: store.stamp)
        } catch let closed
            as SchoolsClosed
        {
            Console.print(closed.description)
            return
        }
        if project {
            let p = try WaitingProjection(db: db, config: config, options: options).run(today: try store.today(), stamp: store.stamp)
            Console.print(
                "projected the waiting list over \(p.weeks.count) term weeks: \(p.firstWeek.count) of \(p.waiting.count) waiting referrals have a first week"
            )
        }
        if let exportScenario { try ScenarioFiles.write(result.timetable.scenario.jsonData(), to: exportScenario) }
        if let exportPlan { try ScenarioFiles.write(result.timetable.plan.jsonData(), to: exportPlan) }
        Console.print(summary(result))
    }

    /// What a re-plan would move, from `WeekPlanning.preview`.
    static func preview(_ r: ScheduleResult) -> String {
        let week = r.timetable.weekStart
        var lines = [
            "a re-plan of the week of \(week) would move \(r.moved.count) published booking\(r.moved.count == 1 ? "" : "s") (nothing was changed):"
        ]
        lines += r.moved.map { m in
            let to = m.after.map { "to \($0.specialist) \($0.day.rawValue) \($0.start)" } ?? "off this week"
            return "  referral \(m.before.referral): \(m.before.specialist) \(m.before.day.rawValue) \(m.before.start) \(to)"
        }
        lines.append("to re-plan it: caseload schedule --week \(week) --replan --confirm")
        return lines.joined(separator: "\n")
    }

    func summary(_ r: ScheduleResult) -> String {
        let t = r.timetable
        let s = t.plan.statistics
        var lines = [
            "\(replan ? "re-planned" : "planned") the week of \(t.weekStart) (\(t.published ? "published" : "draft")):",
            "  \(t.bookings.count) sessions booked for \(Set(t.bookings.map(\.referral)).count) referrals; \(t.unbooked.count) waiting referrals not booked this week",
            "  travel \(s?.travelMinutes ?? 0) minutes; served priority \(s?.servedPriority ?? 0) (\(String(format: "%.1f", 100 * (s?.shareOfBound ?? 0)))% of the most any plan could serve)",
        ]
        if !r.interrupted.isEmpty {
            lines.append(
                "  \(r.interrupted.count) running block\(r.interrupted.count == 1 ? "" : "s") interrupted this week (first claim next week):")
            lines += r.interrupted.map { "    referral \($0.referral): \($0.reason)" }
        }
        if replan {
            lines.append("  \(r.frozen) sessions already begun or recorded kept exactly as they were")
            lines.append("  \(r.moved.count) bookings moved:")
            lines += r.moved.map { m in
                let to = m.after.map { "now \($0.specialist) \($0.day.rawValue) \($0.start)" } ?? "not booked this week"
                return "    referral \(m.before.referral): was \(m.before.specialist) \(m.before.day.rawValue) \(m.before.start), \(to)"
            }
        }
        if t.published {
            lines.append(
                "the re-plan is published at once: moved sessions show as cancelled in the iCalendar export; see caseload timetable show --week \(t.weekStart)"
            )
        } else {
            lines.append("next: caseload timetable show --week \(t.weekStart), then caseload timetable publish --week \(t.weekStart)")
        }
        return lines.joined(separator: "\n")
    }
}
