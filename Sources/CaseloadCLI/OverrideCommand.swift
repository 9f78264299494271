import ArgumentParser
import CaseloadCore
import CaseloadService

extension ReferralCommand {
    /// `caseload referral override ID --reason R [--week W]`, or `--clear`: a leader's override of
    /// the referral's next session.
    struct Override: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Book a referral's next session in a given week, or give it first claim until it is booked.",
            discussion: """
                The session then comes before every running block and first session of its service \
                (only a statutory deadline falling due comes first), whatever the shortlist or the \
                reserve would say. The reason goes to the audit log; a draft planned before is stale.
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The referral's number.") var id: Int64
        @Option(help: "Any day of the week to book it in (YYYY-MM-DD); leave out for first claim from now on.") var week: String?
        @Option(help: "Why it goes first, without names (kept in the audit log).") var reason: String = ""
        @Flag(help: "Remove the referral's override instead.") var clear = false

        func run() throws {
            let overriding = ReferralOverriding(db: try store.open())
            guard !clear else {
                let had = try overriding.clear(id, reason: reason, by: .commandLine, stamp: store.stamp)
                Console.print(had ? "referral \(id): override removed" : "referral \(id) had no override")
                return
            }
            let set = try overriding.set(id, week: week, reason: reason, by: .commandLine, today: try store.today(), stamp: store.stamp)
            Console.print("referral \(id): session \(set.session) \(set.words); re-plan a drafted week to take it in")
        }
    }
}
