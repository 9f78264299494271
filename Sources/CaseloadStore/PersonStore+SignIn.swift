import CaseloadCore
import Foundation
import GRDB

/// Whom a sign-in provider's verified account is, as the provider says it.
public struct SignInAccount: Sendable, Equatable {
    /// The provider's issuer and its stable subject for the account (never reused).
    public var issuer: String, subject: String
    /// The account's email address, and whether the provider verified it.
    public var email: String?
    public var emailVerified: Bool

    /// An account as an ID token names it.
    public init(issuer: String, subject: String, email: String?, emailVerified: Bool) {
        self.issuer = issuer
        self.subject = subject
        self.email = email
        self.emailVerified = emailVerified
    }

    /// The key kept on the person: issuer and subject together, as OpenID Connect says a
    /// subject is unique only within its issuer.
    var key: String { issuer + " " + subject }
}

extension PersonStore {
    /// The person `account` is: the one its subject was stored on at their first sign-in, or
    /// else the one with its verified email address, whose subject is then stored (so a later
    /// change of address at the provider still finds them). `nil` when no one matches, or the
    /// address matches someone already tied to another account. A switched-off person is
    /// returned as they are; the caller refuses them.
    public func match(_ account: SignInAccount, stamp: Stamp) throws -> Person? {
        try write { db in
            if let row = try PersonRow.filter(Column("subject") == account.key).fetchOne(db) { return try row.person(db) }
            guard account.emailVerified, let email = account.email?.lowercased(),
                var row = try PersonRow.filter(Column("email") == email).fetchOne(db), row.subject == nil
            else { return nil }
            row.subject = account.key
            try row.update(db)
            try db.audit(stamp, "link", "person", "\(row.id ?? 0)", ["issuer": account.issuer])
            return try row.person(db)
        }
    }
}
