import CaseloadCore
import CaseloadService
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// The request context: Hummingbird's core plus the caller's identity once authenticated, and
/// for the web pages the browser's session.
public struct AppContext: RequestContext, SessionRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthMiddleware` (bearer tokens) or `WebGate` (a signed-in session); `nil` only on the public routes.
    public var identity: Identity?
    /// The browser's session (web pages only; hummingbird-auth's session middleware fills it).
    public let sessions: SessionContext<WebSession>
    /// The session's form token, which every page's forms carry (set by `WebGate`).
    public var csrf = ""
    /// Who is signed in, in words for the page header (set by `WebGate`).
    public var signedInAs: String?
    /// A SENCO of several schools: each school's URN and name, for the header's switcher.
    public var schoolChoices: [(urn: String, name: String)] = []

    /// The connected peer (`nil` when the request came through no socket, as in router tests).
    public let remoteAddress: SocketAddress?

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        remoteAddress = source.channel.remoteAddress
    }

    /// Request bodies above this are refused with 413.
    public var maxUploadSize: Int { 64 * 1024 }

    /// JSON with snake_case keys, spelled out in each answer type's coding keys: converting every
    /// key on the fly cost more than all the rest of a waiting-list answer (a test checks that
    /// each answer type encodes the same as it would under `.convertToSnakeCase`).
    public var responseEncoder: JSONEncoder {
        JSONEncoder()  // keys in declaration order: sorting them on every answer cost 5% of the server's time
    }

    /// The caller, if the access policy lets them do `action` to the things of `scope`.
    func caller(may action: Action, _ scope: Scope = .trust) throws -> Identity {
        let caller = try caller()
        try AccessPolicy.check(caller, action, scope)
        return caller
    }

    /// The authenticated caller (routes behind `AuthMiddleware` always have one).
    func caller() throws -> Identity {
        guard let identity else { throw Problem(.unauthorized, "send Authorization: Bearer <token>; ask a trust leader for a token") }
        return identity
    }
}
