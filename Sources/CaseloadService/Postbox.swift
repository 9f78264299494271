import CaseloadCore
import CaseloadStore
import Foundation

/// One email as the transport sends it.
public struct Mail: Sendable, Equatable {
    public var from: String
    public var toName: String, toAddress: String
    public var subject: String, body: String
    /// Stable across attempts (the outbox's), so a resend is recognisably the same message.
    public var messageId: String
    public var date: Date
}

/// Sends one email, or throws saying why not (the relay is down, the command failed).
public protocol MailTransport: Sendable {
    func send(_ mail: Mail) throws
}

/// What one delivery round did.
public struct DeliveryRound: Sendable, Equatable {
    public var sent = 0, failed = 0, held = 0
}

/// Sends what the outbox holds: each message at once, or a person's messages together in their
/// daily digest; a failure is retried later with back-off (the outbox keeps the count), and a
/// message that keeps failing is listed for leaders, never dropped.
public struct Postbox: Sendable {
    let db: AppDatabase

    /// The use case over `db`.
    public init(db: AppDatabase) { self.db = db }

    /// One round at `now` (the trust's clock) and `instant` (the same moment as a `Date`).
    public func deliver(now: Moment, instant: Date, rule: NotificationRule, transport: some MailTransport) throws -> DeliveryRound {
        var round = DeliveryRound()
        try db.outbox.settleInDoubt(handedBefore: instant.addingTimeInterval(-Postbox.inDoubtAfter))
        let due = try db.outbox.due(now: instant)
        let digestTime = Moment(date: now.date, minutes: rule.digestAt.minutes)
        for (_, messages) in Dictionary(grouping: due, by: \.person).sorted(by: { $0.key < $1.key }) {
            let ready = messages[0].digest ? Postbox.digestReady(messages, now: now, digestTime: digestTime) : messages.map { [$0] }
            round.held += messages.count - ready.reduce(0) { $0 + $1.count }
            for batch in ready {
                do {
                    try db.outbox.handing(batch.map(\.id), at: instant)
                    try transport.send(Postbox.mail(batch, rule: rule, at: instant))
                    try db.outbox.sent(batch.map(\.id), at: instant)
                    round.sent += batch.count
                } catch {
                    try db.outbox.failed(batch.map(\.id), error: "\(error)", at: instant)
                    round.failed += batch.count
                }
            }
        }
        return round
    }

    /// How long after a message was handed to the relay, with no answer heard, it counts as sent
    /// (a sendmail run takes seconds; `caseload serve` settles its own at start at once).
    public static let inDoubtAfter: TimeInterval = 600

    /// A digest reader's messages go together once today's digest time has passed, those made
    /// before it; later ones wait for tomorrow's.
    static func digestReady(_ messages: [OutgoingMessage], now: Moment, digestTime: Moment) -> [[OutgoingMessage]] {
        guard now >= digestTime else { return [] }
        let before = messages.filter { m in
            guard let made = try? Date(m.createdAt, strategy: .iso8601) else { return true }
            return Moment.london(made) < digestTime
        }
        return before.isEmpty ? [] : [before]
    }

    /// The email for `batch` (one message, or a digest of several).
    static func mail(_ batch: [OutgoingMessage], rule: NotificationRule, at: Date) -> Mail {
        let first = batch[0]
        let parts = batch.map { "\($0.notice.subject)\n\n\($0.notice.body)\n\nOpen it in Caseload: \(rule.address)\($0.notice.link)" }
        let subject = batch.count == 1 ? first.notice.subject : "Caseload: \(batch.count) changes since your last digest"
        let footer = "\n\n--\nYou get \(first.digest ? "a daily digest" : "each message at once") from Caseload. Ask a trust leader to change it."
        return Mail(
            from: rule.from, toName: first.name, toAddress: first.email, subject: subject,
            body: parts.joined(separator: "\n\n----\n\n") + footer, messageId: first.messageId, date: at)
    }
}

extension Postbox {
    /// What leaders see of the outbox: the messages that keep failing (never dropped), and the
    /// latest messages with whether each was sent.
    public func overview(by caller: Identity) throws -> (failing: [OutgoingMessage], latest: [(message: OutgoingMessage, sentAt: String?)]) {
        try AccessPolicy.check(caller, .managePeople, .trust)
        return (try db.outbox.failing(), try db.outbox.messages(limit: 100))
    }
}
