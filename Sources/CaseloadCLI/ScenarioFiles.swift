import ArgumentParser
import CaseloadCore
import CaseloadStore
import Foundation

/// Reads and writes the week problem's files for the subcommands, with errors a person can act on.
enum ScenarioFiles {
    /// Reads and validates a scenario; exits with status 2 and a clear message when it is bad.
    static func readScenario(_ path: String) throws -> WeekScenario {
        let data = try readFile(path, what: "scenario")
        do { return try WeekScenario.decode(data) } catch {
            throw CLIError.badInput("\(path): \(error.description)")
        }
    }

    /// Reads a plan file.
    static func readPlan(_ path: String) throws -> WeekPlan {
        let data = try readFile(path, what: "plan")
        do { return try WeekPlan.decode(data) } catch {
            throw CLIError.badInput("\(path): \(error.description)")
        }
    }

    static func readFile(_ path: String, what: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.badInput("cannot read the \(what) file \(path): check the path and that you may read it")
        }
        return data
    }

    /// Reads a text file that must be UTF-8.
    static func text(_ path: String) throws -> String {
        guard let text = String(data: try readFile(path, what: "input"), encoding: .utf8) else {
            throw CLIError.badInput("\(path) is not UTF-8 text; save it as CSV UTF-8")
        }
        return text
    }

    /// Refuses to write over anything but an ordinary file: a folder, a device, or a database
    /// (any SQLite file, the one in use included, and its `-wal` and `-shm` files).
    static func checkOutput(_ path: String) throws {
        if let problem = FilePlace.problem(path) { throw CLIError.badInput("cannot write \(path): \(problem)") }
        var isFolder: ObjCBool = false
        let base = String(path.dropLast(4))
        if path.hasSuffix("-wal") || path.hasSuffix("-shm"), AppDatabase.looksLikeSQLite(base) {
            throw CLIError.badInput("\(path) belongs to the database \(base); write somewhere else")
        }
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        guard !isFolder.boolValue, type == .typeRegular else {
            throw CLIError.badInput("\(path) is \(isFolder.boolValue ? "a folder" : "not an ordinary file"); give a file name to write to")
        }
        if AppDatabase.looksLikeSQLite(path) { throw CLIError.badInput("\(path) is a database; Caseload will not write over it") }
    }

    /// Writes `data` to `path` atomically (a reader never sees half a file), never over a
    /// folder, a device or a database.
    static func write(_ data: Data, to path: String) throws {
        try checkOutput(path)
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw CLIError.badInput("cannot write \(path): \(error.localizedDescription); check the folder exists and is writable")
        }
    }
}

/// An error the CLI reports in one line, exiting with status 2.
enum CLIError: Error, CustomStringConvertible {
    case badInput(String)

    var description: String {
        switch self {
        case .badInput(let message): message
        }
    }
}
