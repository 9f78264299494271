import ArgumentParser
import CaseloadCore
import CaseloadStore
import Foundation

/// `caseload referral …`: take in a referral and move it through its life.
struct ReferralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral", abstract: "Take in, show and update referrals.",
        subcommands: [Add.self, Show.self, Withdraw.self, Hold.self, Reopen.self, Complete.self])

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
        @Option(help: "ehc_plan, ehc_needs_assessment, exclusion_risk, looked_after, safeguarding (repeatable).") var flag: [String] = []
        @Option(help: "Assess-plan-do-review cycles completed.") var apdr: Int = 0
        @Option(help: "Parental consent: yes or no.") var consent: String
        @Option(help: "Preferred days, e.g. mon,wed.") var days: String = ""
        @Option(help: "A short reason, without names.") var reason: String = ""
        @Option(help: "Date received (default: today).") var received: String?

        func run() throws {
            try reportingErrors {
                var fields: [(String, JSONValue)] = [
                    ("school", .string(school)), ("pupil_ref", .string(pupilRef)), ("year_group", .number(Double(year))),
                    ("service", .string(service)), ("area", .string(area)), ("severity", .number(Double(severity))),
                    ("flags", .array(flag.map(JSONValue.string))), ("apdr_cycles", .number(Double(apdr))),
                    ("consent", .string(consent)), ("preferred_days", .string(days.replacingOccurrences(of: ",", with: ";"))),
                    ("reason", .string(reason)),
                ]
                if let pathway { fields.append(("pathway", .string(pathway))) }
                if let received { fields.append(("received_on", .string(received))) }
                let request = try ReferralReader.request(.orderedObject(fields), today: try store.today())
                let config = try store.loadConfig()
                let referral = try store.open().submit(request, decision: Threshold(config).evaluate(request), stamp: store.stamp)
                print(try ReferralView(referral: referral, store: store, config: config).text)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a referral, its place on the list and its history.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64

        func run() throws {
            try reportingErrors {
                let referral = try store.open().referral(id)
                print(try ReferralView(referral: referral, store: store, config: store.loadConfig(), withHistory: true).text)
            }
        }
    }

    struct Withdraw: ParsableCommand, StatusChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a referral (the school no longer needs it).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64
        @Option(help: "Why, without names.") var note: String = ""
        var target: ReferralStatus { .withdrawn }
        func run() throws { try changeStatus() }
    }

    struct Hold: ParsableCommand, StatusChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Put a referral on hold; it keeps its waiting time.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64
        @Option(help: "Why, without names.") var note: String = ""
        var target: ReferralStatus { .onHold }
        func run() throws { try changeStatus() }
    }

    struct Reopen: ParsableCommand, StatusChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Put a held or withdrawn referral back on the waiting list.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64
        @Option(help: "Why, without names.") var note: String = ""
        var target: ReferralStatus { .waiting }
        func run() throws { try changeStatus() }
    }

    struct Complete: ParsableCommand, StatusChangeCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a referral's work as finished.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64
        @Option(help: "A closing note, without names.") var note: String = ""
        var target: ReferralStatus { .completed }
        func run() throws { try changeStatus() }
    }
}

/// The shared body of the status-changing subcommands.
protocol StatusChangeCommand {
    var store: StoreOptions { get }
    var id: Int64 { get }
    var note: String { get }
    var target: ReferralStatus { get }
}

extension StatusChangeCommand {
    func changeStatus() throws {
        try reportingErrors {
            let r = try store.open().changeStatus(id, to: target, note: note, stamp: store.stamp)
            print("referral \(r.id) is now \(r.status.rawValue)")
        }
    }
}
