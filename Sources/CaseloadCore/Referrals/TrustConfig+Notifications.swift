import Foundation

/// How messages leave Caseload (`notifications`): through the trust's own mail relay by the
/// system's `sendmail` interface (msmtp or postfix), with links to the trust's own address.
public struct NotificationRule: Hashable, Sendable {
    /// The sender, as mail shows it: `Caseload <caseload@your-trust.org.uk>`.
    public var from: String
    /// The sendmail command and its arguments; the message goes to its standard input, with the
    /// recipients in its headers (`-t`).
    public var sendmail: [String]
    /// Caseload's address as people reach it, for the link in each message.
    public var address: String
    /// When a daily digest goes, on the trust's clock.
    public var digestAt: ClockTime
    /// How often the server looks for messages to send, in seconds.
    public var everySeconds: Int
    /// A webhook (a Microsoft Teams channel's, say) that gets the leaders' messages without
    /// pupil data: a week waiting for review, a failed job.
    public var webhook: String?

    /// A rule with every field.
    public init(from: String, sendmail: [String], address: String, digestAt: ClockTime, everySeconds: Int) {
        (self.from, self.sendmail, self.address, self.digestAt, self.everySeconds) = (from, sendmail, address, digestAt, everySeconds)
    }
}

extension TrustConfig {
    /// `notifications`: `from`, `sendmail`, `address`, `digest_at`, `every_seconds`.
    static func readNotifications(_ f: JSONFields) throws(InputError) -> NotificationRule {
        try f.onlyKeys(["from", "sendmail", "address", "digest_at", "every_seconds", "webhook"])
        let from = try f.string("from")
        guard from.contains("@"), !from.contains(where: \.isNewline), from.count <= 200 else {
            throw f.error("from", "give the sender as Caseload <caseload@your-trust.org.uk>")
        }
        let command = try f.strings("sendmail") ?? ["/usr/sbin/sendmail", "-t", "-i"]
        guard let program = command.first, program.hasPrefix("/") else {
            throw f.error("sendmail", "give the command as a list starting with its full path, e.g. [/usr/bin/msmtp, -t]")
        }
        var rule = NotificationRule(
            from: from, sendmail: command, address: try address(f, "address"),
            digestAt: try f.optionalTime("digest_at") ?? ClockTime(minutes: 7 * 60),
            everySeconds: try f.optionalInt("every_seconds", in: 5...3600) ?? 60)
        if let hook = try f.optionalString("webhook") {
            guard let url = URL(string: hook), let host = url.host,
                url.scheme == "https" || (url.scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(host))
            else { throw f.error("webhook", "give the channel's https webhook address, as Teams shows it") }
            rule.webhook = hook
        }
        return rule
    }
}
