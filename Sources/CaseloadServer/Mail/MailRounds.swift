import CaseloadCore
import CaseloadService
import Foundation
import Logging
import ServiceLifecycle

/// `caseload serve`'s postman: every `notifications.every_seconds` it sends what the outbox holds
/// (settings re-read each round, so a leader's change applies at once); with no `notifications`
/// set, messages wait in the outbox. Stops at the server's graceful shutdown.
struct MailRounds: Service {
    let state: ServerState
    let logger = Logger(label: "caseload.mail")

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let wait = self.round()
                await self.announce()
                try await Task.sleep(for: .seconds(wait))
            }
        }
    }

    /// Posts the announcements to the trust's webhook, if it has one.
    func announce() async {
        guard let rule = state.config.notifications, let hook = rule.webhook else { return }
        do { _ = try await WebhookPoster(db: state.db).round(url: hook, address: rule.address) } catch {
            logger.error("webhook round failed: \(error)")
        }
    }

    /// One round; returns how long to wait for the next.
    func round() -> Int {
        guard let rule = state.config.notifications else { return 60 }
        do {
            let done = try Postbox(db: state.db).deliver(
                now: state.now(), instant: Date(), rule: rule, transport: SendmailTransport(command: rule.sendmail))
            if done.failed > 0 { logger.warning("mail: \(done.failed) not sent; tried again later") }
        } catch {
            logger.error("mail round failed: \(error)")
        }
        return rule.everySeconds
    }
}
