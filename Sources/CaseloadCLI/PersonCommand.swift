import ArgumentParser
import CaseloadCore
import CaseloadService
import CaseloadStore

/// `caseload person add|list|change|disable|enable|import|key`: the trust's people.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Add, list, change and switch off the trust's people, and take its staff list.",
        subcommands: [Add.self, List.self, Change.self, Disable.self, Enable.self, Import.self, Key.self])

    /// Roles as given: `--role senco:136156 --role leader`.
    static func roles(_ given: [String]) throws -> [Role]? {
        guard !given.isEmpty else { return nil }
        do { return try Role.list(given.joined(separator: ";"), field: "--role") } catch { throw CLIError.badInput(error.description) }
    }

    static func show(_ p: Person) -> String {
        "person \(p.id): \(p.name) <\(p.email)>, \(p.roles.map(\.spelled).joined(separator: "; "))\(p.isDisabled ? ", switched off" : "")"
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a person; they sign in with this email address's account.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Their name as colleagues know it.") var name: String
        @Option(help: "Their work email address (the sign-in provider's account).") var email: String
        @Option(help: "A role: senco:URN, specialist:ID or leader (repeat for several).") var role: [String] = []

        func run() throws {
            let details = PersonDetails(name: name, email: email, roles: try PersonCommand.roles(role) ?? [])
            let p = try People(db: store.open()).add(details, by: .commandLine, stamp: store.stamp)
            Console.print("added " + PersonCommand.show(p))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the trust's people and their roles.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            var t = TextTable(["id", "name", "email", "roles", "signed in", "switched off"])
            for p in try People(db: store.open()).list(by: .commandLine) {
                t.add(["\(p.id)", p.name, p.email, p.roles.map(\.spelled).joined(separator: "; "), p.hasSignedIn ? "yes" : "", p.disabledAt ?? ""])
            }
            Console.print(t.text)
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a person's name, email address or roles (roles are replaced).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The person's number (see `caseload person list`).") var id: Int64
        @Option(help: "Their new name.") var name: String?
        @Option(help: "Their new work email address (they sign in with it next time).") var email: String?
        @Option(help: "Their roles, replacing all they hold: senco:URN, specialist:ID or leader (repeat).") var role: [String] = []
        @Option(help: "How they take messages: at_once or daily_digest.") var delivery: String?

        func run() throws {
            var details = PersonDetails(name: name, email: email, roles: try PersonCommand.roles(role))
            if let delivery {
                guard let how = Delivery(rawValue: delivery) else {
                    throw CLIError.badInput("--delivery \(delivery.prefix(20)): write at_once or daily_digest")
                }
                details.delivery = how
            }
            guard details != PersonDetails() else { throw CLIError.badInput("give --name, --email or --role to change") }
            let p = try People(db: store.open()).change(id, details, by: .commandLine, stamp: store.stamp)
            Console.print("changed " + PersonCommand.show(p))
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Switch a person off at once: their sessions end, their keys and calendar feeds stop.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The person's number.") var id: Int64

        func run() throws {
            let p = try People(db: store.open()).setDisabled(id, true, by: .commandLine, stamp: store.stamp)
            Console.print("switched off " + PersonCommand.show(p))
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Switch a person back on (their old keys stay revoked).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The person's number.") var id: Int64

        func run() throws {
            let p = try People(db: store.open()).setDisabled(id, false, by: .commandLine, stamp: store.stamp)
            Console.print("switched on " + PersonCommand.show(p))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take the trust's staff list: a CSV with name, email and roles columns (roles split by ;).",
            discussion: "A person already kept (the same email) gets the list's name and roles. One bad row imports no one.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The CSV file.") var file: String

        func run() throws {
            let (added, changed) = try People(db: store.open()).importStaff(try ScenarioFiles.text(file), by: .commandLine, stamp: store.stamp)
            Console.print("staff list \(file): \(added) added, \(changed) changed")
        }
    }

    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a person an access key (for the API, or to sign in where the trust allows keys); shown once.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The person's number.") var id: Int64
        @Option(help: "What it is for (kept in the audit log).") var label: String = ""
        @Option(help: "Days until it stops working (1-3650).") var expires: Int = AccessStore.tokenLifetimeDays

        func run() throws {
            let (key, secret) = try People(db: store.open()).newKey(for: id, label: label, days: expires, by: .commandLine, stamp: store.stamp)
            Console.print("token \(key) for person \(id), working for \(expires) days: \(secret)")
            Console.print("this is the only time it is shown; send it as `Authorization: Bearer <token>`")
        }
    }
}
