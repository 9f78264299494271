import ArgumentParser
import CaseloadCore
import CaseloadService
import CaseloadStore

/// The one place the command line turns an error into a message and an exit status: 2 when the
/// input (an argument, a file, the state asked of a referral or week) is at fault and changing it
/// would help, 1 when something failed (the database cannot be used, the server stopped).
enum ErrorReport {
    /// Writes the message for `error` to standard error and returns the exit status.
    static func report(_ error: Error, command: ParsableCommand.Type) -> Int32 {
        guard let (message, status) = explain(error) else {
            let status = command.exitCode(for: error).rawValue
            let message = command.fullMessage(for: error)
            if status == 0 { Console.print(message) } else if !message.isEmpty { Console.error(message + "\n") }
            return status
        }
        Console.error("caseload: \(message)\n")
        return status
    }

    /// The message and status for the errors Caseload's own code throws; `nil` for the rest
    /// (argument-parsing errors, help, explicit exit codes), which ArgumentParser reports.
    static func explain(_ error: Error) -> (String, Int32)? {
        switch error {
        case let e as CLIError: (e.description, badInput)
        case let e as InputError: (e.description, badInput)
        case let e as StoreError: (advised(e), status(e))
        case let e as SchoolsClosed: (e.description, badInput)
        case let e as AccessDenied: (e.description, badInput)
        default: nil
        }
    }

    static let badInput: Int32 = 2
    static let failure: Int32 = 1

    static func advised(_ e: StoreError) -> String {
        e.next.map { "\(e.description); \($0.atTheCommandLine)" } ?? e.description
    }

    static func status(_ e: StoreError) -> Int32 {
        switch e {
        case .unavailable: failure
        case .notFound, .conflict, .invalid: badInput
        }
    }
}
