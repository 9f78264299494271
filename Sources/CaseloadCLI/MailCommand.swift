import ArgumentParser
import CaseloadCore
import CaseloadServer
import CaseloadService
import Foundation

/// `caseload mail send|list`: the outbox, outside the server (`caseload serve` sends by itself).
struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Send what the outbox holds now, or list its messages.", subcommands: [Send.self, List.self])

    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send every message that is due, through the settings' sendmail command (one round, as the server does each minute).")
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let rule = try store.loadConfig().notifications else {
                throw CLIError.badInput("the settings have no `notifications` section: add one (see Config/trust.yaml) to send mail")
            }
            let round = try Postbox(db: store.open()).deliver(
                now: try store.now(), instant: Date(), rule: rule, transport: SendmailTransport(command: rule.sendmail))
            Console.print("sent \(round.sent), not sent \(round.failed) (tried again later), held for a digest \(round.held)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the outbox, newest first: sent, waiting, or failing.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            var t = TextTable(["id", "to", "subject", "made", "state"])
            for (m, sentAt) in try store.open().outbox.messages() {
                let state = sentAt.map { "sent \($0)" } ?? (m.attempts > 0 ? "failing (\(m.attempts)): \(m.lastError ?? "")" : "waiting")
                t.add(["\(m.id)", "\(m.name) <\(m.email)>", String(m.notice.subject.prefix(60)), m.createdAt, state])
            }
            Console.print(t.text)
        }
    }
}
