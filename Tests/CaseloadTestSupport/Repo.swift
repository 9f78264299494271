import CaseloadConfig
import CaseloadCore
import Foundation

/// The repository, its bundled files and the shared tools beside it, as every test suite finds them.
public enum Repo {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `Fixtures/`.
    public static let fixtures = root.appendingPathComponent("Fixtures").path
    /// The week fixtures (`Fixtures/weeks`).
    public static let weeks = root.appendingPathComponent("Fixtures/weeks").path
    /// The trust's shipped settings.
    public static let configPath = root.appendingPathComponent("Config/trust.yaml").path
    /// The independent plan checker (`../shared/tools/check_plan.py`).
    public static let checker = root.deletingLastPathComponent().appendingPathComponent("shared/tools/check_plan.py").path

    /// The shipped settings, read once.
    public static let config = try! TrustConfigFile.load(configPath)

    /// A week fixture by file name.
    public static func scenario(_ file: String) throws -> WeekScenario {
        try WeekScenario.decode(Data(contentsOf: URL(fileURLWithPath: "\(weeks)/\(file)")))
    }
}

/// Runs a program found on `PATH` and returns its exit status and standard output.
@discardableResult
public func runTool(_ arguments: [String]) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
}

/// The independent checker's verdict (`check_plan.py --json`) on a scenario and a plan.
public func checkPlan(_ scenario: WeekScenario, _ plan: WeekPlan) throws -> [String: Any] {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let s = folder.file("scenario.json")
    let p = folder.file("plan.json")
    try scenario.jsonData().write(to: URL(fileURLWithPath: s))
    try plan.jsonData().write(to: URL(fileURLWithPath: p))
    let (_, out) = try runTool(["python3", Repo.checker, "--json", s, p])
    return try JSONSerialization.jsonObject(with: out) as! [String: Any]
}

/// Parses iCalendar `text` with the real `icalendar` package (PyPI) and returns its events.
public func icsEvents(_ text: String) throws -> [[String: String]] {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.file("feed.ics")
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    let helper = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ics_events.py").path
    let (status, data) = try runTool(["python3", helper, file])
    guard status == 0 else { throw CocoaError(.fileReadCorruptFile) }
    return (try JSONSerialization.jsonObject(with: data) as? [[String: String]]) ?? []
}

/// A fresh folder under the temporary directory; `remove()` deletes it.
public struct TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder.
    public init(_ prefix: String = "caseload") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Deletes the folder and everything in it.
    public func remove() { try? FileManager.default.removeItem(at: url) }
}

/// `runTool` on a thread of its own, so a long run (a browser driving a live server) never holds
/// one of the few threads Swift's concurrency and the server share.
public func runToolInBackground(_ arguments: [String]) async throws -> (status: Int32, output: Data) {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try runTool(arguments) }) }
    }
}
