import AsyncHTTPClient
import CaseloadCore
import CaseloadStore
import Foundation
import NIOCore

/// Posts the announcements (the leaders' messages without pupil data) to the trust's webhook
/// with async-http-client, as `{"text": …}`, which Microsoft Teams and Slack channels take. A
/// post that fails is tried again with the outbox's back-off.
struct WebhookPoster: Sendable {
    let db: AppDatabase
    let http: HTTPClient

    init(db: AppDatabase, http: HTTPClient = .shared) {
        self.db = db
        self.http = http
    }

    /// Posts everything due to `url`, with links to `address`; returns how many went.
    func round(url: String, address: String, at: Date = Date()) async throws -> Int {
        var posted = 0
        for a in try db.outbox.dueAnnouncements(now: at) {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            let body = try JSONEncoder().encode(["text": "\(a.text)\n\n\(address)\(a.link)"])
            request.body = .bytes(ByteBuffer(data: body))
            do {
                let response = try await http.execute(request, timeout: .seconds(10))
                guard (200..<300).contains(response.status.code) else { throw MailNotSent(reason: "the webhook answered \(response.status.code)") }
                try db.outbox.announced(a.id, at: at)
                posted += 1
            } catch {
                try db.outbox.announceFailed(a.id, error: "\(error)", at: at)
            }
        }
        return posted
    }
}
