import Foundation
import Synchronization

/// Where the commands write: standard output and standard error, or, while a test runs a
/// command, a buffer it reads afterwards (`Console.$capture`).
enum Console {
    /// The buffer that takes the output of commands run in this task, if any.
    @TaskLocal static var capture: ConsoleBuffer?

    /// Writes `text` and `terminator` to standard output.
    static func print(_ text: Any, terminator: String = "\n") {
        let line = "\(text)\(terminator)"
        if let capture { capture.out.withLock { $0 += line } } else { FileHandle.standardOutput.write(Data(line.utf8)) }
    }

    /// Writes `text` to standard error as it is (no line end added).
    static func error(_ text: String) {
        if let capture { capture.err.withLock { $0 += text } } else { FileHandle.standardError.write(Data(text.utf8)) }
    }
}

/// What a command printed, kept for a test to read.
public final class ConsoleBuffer: Sendable {
    let out = Mutex("")
    let err = Mutex("")

    /// An empty buffer.
    public init() {}

    /// What was written to standard output.
    public var output: String { out.withLock { $0 } }
    /// What was written to standard error.
    public var errors: String { err.withLock { $0 } }
}
