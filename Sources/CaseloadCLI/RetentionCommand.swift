import ArgumentParser
import CaseloadCore
import CaseloadService
import Foundation

/// `caseload retention --dry-run|--apply`: the trust's retention rule (`retention` in its
/// settings) applied to referrals that are over.
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "List (--dry-run) or remove (--apply) the pupil data the trust's retention rule says must go.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "List what would go; change nothing.") var dryRun = false
    @Flag(help: "Remove it: the pupil reference and notes go, anonymous counts stay.") var apply = false

    func validate() throws {
        guard dryRun != apply else { throw ValidationError("choose one of --dry-run or --apply") }
    }

    func run() throws {
        let rule = try store.loadConfig().retention
        let due = try PupilRecords(db: store.open()).retention(rule, today: try store.today(), apply: apply, by: .commandLine, stamp: store.stamp)
        var table = TextTable(["referral", "school", "service", "status", "last activity", "due on"])
        for d in due { table.add([String(d.referral), d.school, d.service, d.status.rawValue, d.lastActivity.description, d.dueOn.description]) }
        if !due.isEmpty { Console.print(table.text) }
        let rules = "closed \(rule.closedYears) years, declined \(rule.declinedYears) year\(rule.declinedYears == 1 ? "" : "s")"
        Console.print(
            apply ? "removed the pupil data of \(due.count) referrals (\(rules))" : "\(due.count) referrals are due (\(rules)); nothing changed")
    }
}
