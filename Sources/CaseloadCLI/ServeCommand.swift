import ArgumentParser
import CaseloadCore
import CaseloadPlanner
import CaseloadServer
import CaseloadStore
import Foundation
import Hummingbird

/// `caseload serve`: the HTTP API over the same database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (see /v1/openapi.yaml); stops gracefully on SIGINT or SIGTERM, finishing requests in flight.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (1-65535).") var port = 8080
    @Option(help: "Planner iterations per thread when a leader generates a week (default: from its size).") var planIterations: Int?
    @Option(help: "Changes one token may make a minute (0: no limit); over it, 429 with Retry-After.") var writesPerMinute = 300
    @Option(help: "How many changes a token may make at once before the per-minute rate applies.") var writeBurst = 60
    @Flag(help: "Mark the web pages' session cookie Secure: use when the server is reached over HTTPS (behind a TLS proxy).")
    var secureCookies = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port \(port): give a port from 1 to 65535") }
    }

    func run() async throws {
        let state = try ServerState(
            db: store.open(waitSeconds: 300), configPath: store.configPath,
            planner: PlannerOptions(iterations: planIterations), writesPerMinute: writesPerMinute,
            writeBurst: writeBurst, now: { (try? store.now()) ?? Moment.london() })
        let app = buildApplication(state, settings: ServerSettings(host: host, port: port, secureCookies: secureCookies))
        do { try await app.runService() } catch { throw ServerStopped(reason: "\(error)") }
    }
}

/// The server stopped with an error (the port was taken, say): a failure, exit status 1.
struct ServerStopped: Error, CustomStringConvertible {
    let reason: String
    var description: String { "the server stopped: \(reason)" }
}

/// `caseload token …`: API tokens, printed once and stored only as a hash.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, list and revoke API tokens.", subcommands: [Create.self, Revoke.self, List.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token; it is shown once, so copy it now.")
        @OptionGroup var store: StoreOptions
        @Option(help: "senco, specialist, leader, or monitor (reads /metrics only).") var role: String
        @Option(help: "The SENCO's school (URN).") var school: String?
        @Option(help: "The specialist's id.") var specialist: String?
        @Option(
            name: [.customLong("integration"), .customLong("label")],
            help: "The integration it is for, by name (\"MIS sync\"); a person's key is made with `caseload person key`.")
        var integration: String
        @Option(help: "Days until it stops working (1-3650).") var expires: Int = AccessStore.tokenLifetimeDays

        func run() throws {
            let r: Role
            switch (role, school, specialist) {
            case ("senco", let s?, nil): r = .senco(school: s)
            case ("specialist", nil, let id?): r = .specialist(id: id)
            case ("leader", nil, nil): r = .leader
            case ("monitor", nil, nil): r = .monitor
            default:
                throw CLIError.badInput("use --role senco --school URN, --role specialist --specialist ID, --role leader, or --role monitor")
            }
            let (id, secret) = try store.open().access.createToken(role: r, label: integration, days: expires, stamp: store.stamp)
            Console.print("token \(id) for \(role), working for \(expires) days: \(secret)")
            Console.print("this is the only time it is shown; send it as `Authorization: Bearer <token>`")
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token at once.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The token's number.") var id: Int64

        func run() throws {
            try store.open().access.revokeToken(id, stamp: store.stamp)
            Console.print("token \(id) revoked")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")
        @OptionGroup var store: StoreOptions

        func run() throws {
            var t = TextTable(["id", "belongs to", "role", "school", "specialist", "created", "expires", "revoked"])
            for k in try store.open().access.tokens() {
                t.add([
                    "\(k.id)", k.person.map { "person \($0)" } ?? "integration '\(k.label)'", k.role, k.school ?? "", k.specialist ?? "",
                    k.createdAt, k.expiresAt ?? "never",
                    k.revoked ? "yes" : "",
                ])
            }
            Console.print(t.text)
        }
    }
}
