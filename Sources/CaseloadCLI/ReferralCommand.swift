import ArgumentParser
import CaseloadCore
import CaseloadService
import CaseloadStore
import Foundation

/// `caseload referral …`: take in a referral and move it through its life.
struct ReferralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral", abstract: "Take in, show and update referrals.",
        subcommands: [Add.self, Show.self, Update.self, Withdraw.self, Hold.self, Reopen.self, Complete.self, Override.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take in a referral: it joins the waiting list or is declined with every reason.")

        @OptionGroup var store: StoreOptions
        @Option(help: "The school's URN.") var school: String
        @Option(help: "The school's own pupil reference (never a name).") var pupilRef: String
        @Option(help: "Year group, 0 for Reception to 14.") var year: Int
        @Option(help: "EP, SALT, COUNSELLING, or another service the trust runs.") var service: String
        @Option(help: "The pathway (default: the service's default).") var pathway: String?
        @Option(help: "communication_interaction, cognition_learning, semh or sensory_physical.") var area: String
        @Option(help: "1 (mild) to 5 (severe).") var severity: Int
        @Option(help: ArgumentHelp("\(ReferralFlag.namesList) (repeatable).")) var flag: [String] = []
        @Option(help: "Assess-plan-do-review cycles completed.") var apdr: Int = 0
        @Option(help: "Parental consent: yes or no.") var consent: String
        @Option(help: "Preferred days, e.g. mon,wed: favoured by the planner, not required.") var days: String = ""
        @Option(help: "yes: the preferred days are the only days possible.") var daysOnly: String = "no"
        @Option(help: "A skill the specialist must have, as the roster records it (ADOS, AAC, ...).") var skill: String?
        @Option(help: "A short reason, without names.") var reason: String = ""
        @Option(help: "Date received (default: today).") var received: String?

        func run() throws {
            var fields: [(String, JSONValue)] = [
                ("school", .string(school)), ("pupil_ref", .string(pupilRef)), ("year_group", .number(Double(year))),
                ("service", .string(service)), ("area", .string(area)), ("severity", .number(Double(severity))),
                ("flags", .array(flag.map(JSONValue.string))), ("apdr_cycles", .number(Double(apdr))),
                ("consent", .string(consent)), ("preferred_days", .string(days.replacingOccurrences(of: ",", with: ";"))),
                ("reason", .string(reason)), ("days_only", .string(daysOnly)),
            ]
            if let pathway { fields.append(("pathway", .string(pathway))) }
            if let skill { fields.append(("skill", .string(skill))) }
            if let received { fields.append(("received_on", .string(received))) }
            let config = try store.loadConfig()
            let referral = try ReferralIntake(db: try store.open(), config: config)
                .submit(fields, from: .trustOperator, today: try store.today(), stamp: store.stamp)
            Console.print(try ReferralView(referral: referral, store: store, config: config).text)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a referral, its place on the list and its history.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64

        func run() throws {
            let referral = try store.open().referrals.find(id)
            Console.print(try ReferralView(referral: referral, store: store, config: store.loadConfig(), withHistory: true).text)
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct what was submitted for a waiting referral; it is judged again against the thresholds.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64
        @Option(help: "Year group, 0 for Reception to 14.") var year: Int?
        @Option(help: "The pathway.") var pathway: String?
        @Option(help: "communication_interaction, cognition_learning, semh or sensory_physical.") var area: String?
        @Option(help: "1 (mild) to 5 (severe).") var severity: Int?
        @Option(help: "The flags that apply (repeatable; replaces the flags given before); none clears them.") var flag: [String] = []
        @Option(help: "Assess-plan-do-review cycles completed.") var apdr: Int?
        @Option(help: "Parental consent: yes or no.") var consent: String?
        @Option(help: "Preferred days, e.g. mon,wed (none clears them).") var days: String?
        @Option(help: "yes: the preferred days are the only days possible.") var daysOnly: String?
        @Option(help: "A skill the specialist must have (none clears it).") var skill: String?
        @Option(help: "A short reason, without names.") var reason: String?
        @Option(help: "Why it is corrected (kept in the audit log).") var note: String = ""

        func run() throws {
            let config = try store.loadConfig()
            let r = try ReferralUpdating(db: try store.open(), config: config)
                .update(id, patch: .orderedObject(patch), school: nil, note: note, stamp: store.stamp)
            Console.print(try ReferralView(referral: r, store: store, config: config).text)
        }

        var patch: [(String, JSONValue)] {
            var p: [(String, JSONValue)] = []
            func add(_ key: String, _ value: JSONValue?) { if let value { p.append((key, value)) } }
            add("year_group", year.map { .number(Double($0)) })
            add("pathway", pathway.map(JSONValue.string))
            add("area", area.map(JSONValue.string))
            add("severity", severity.map { .number(Double($0)) })
            if !flag.isEmpty { add("flags", .array(flag.filter { $0 != "none" }.map(JSONValue.string))) }
            add("apdr_cycles", apdr.map { .number(Double($0)) })
            add("consent", consent.map(JSONValue.string))
            add("preferred_days", days.map { .string($0 == "none" ? "" : $0.replacingOccurrences(of: ",", with: ";")) })
            add("days_only", daysOnly.map(JSONValue.string))
            add("reason", reason.map(JSONValue.string))
            add("skill", skill.map { $0 == "none" ? .null : .string($0) })
            return p
        }
    }

    struct Withdraw: ParsableCommand, StatusChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a referral (the school no longer needs it).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64
        @Option(help: "Why, without names.") var note: String = ""
        var change: ReferralLifecycle.Change { .withdraw }
        func run() throws { try changeStatus() }
    }

    struct Hold: ParsableCommand, StatusChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Put a referral on hold; it keeps its waiting time.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64
        @Option(help: "Why, without names.") var note: String = ""
        var change: ReferralLifecycle.Change { .hold }
        func run() throws { try changeStatus() }
    }

    struct Reopen: ParsableCommand, StatusChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Put a held or withdrawn referral back on the waiting list.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64
        @Option(help: "Why, without names.") var note: String = ""
        var change: ReferralLifecycle.Change { .reopen }
        func run() throws { try changeStatus() }
    }

    struct Complete: ParsableCommand, StatusChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a referral's work as finished.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64
        @Option(help: "A closing note, without names.") var note: String = ""
        var change: ReferralLifecycle.Change { .complete }
        func run() throws { try changeStatus() }
    }
}

/// The shared body of the status-changing subcommands.
protocol StatusChangeCommand {
    var store: StoreOptions { get }
    var id: Int64 { get }
    var note: String { get }
    var change: ReferralLifecycle.Change { get }
}

extension StatusChangeCommand {
    func changeStatus() throws {
        let r = try ReferralLifecycle(db: store.open()).apply(change, to: id, by: .commandLine, note: note, stamp: store.stamp)
        Console.print("referral \(r.id) is now \(r.status.rawValue)")
    }
}
