import CaseloadService
import Foundation

/// Sends mail through the system's `sendmail` interface (msmtp or postfix from Debian): the
/// trust's own relay does the SMTP, its queue and its TLS; Caseload writes an RFC 5322 message
/// to the command's standard input and takes a zero exit as accepted. No SMTP client library is
/// among the maintained Swift packages this project can use, and a relay the trust already runs
/// knows its own credentials and TLS: so the `sendmail` interface.
public struct SendmailTransport: MailTransport {
    /// The command and its arguments (`[/usr/sbin/sendmail, -t, -i]`).
    public let command: [String]

    /// A transport running `command`.
    public init(command: [String]) { self.command = command }

    public func send(_ mail: Mail) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let input = Pipe()
        let errors = Pipe()
        (process.standardInput, process.standardError, process.standardOutput) = (input, errors, FileHandle.nullDevice)
        do { try process.run() } catch { throw MailNotSent(reason: "\(command[0]) could not be started: \(error.localizedDescription)") }
        input.fileHandleForWriting.write(Data(SendmailTransport.message(mail).utf8))
        try? input.fileHandleForWriting.close()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MailNotSent(reason: "\(command[0]) exited \(process.terminationStatus): \(String(decoding: said, as: UTF8.self).prefix(200))")
        }
    }

    /// The message: headers with no line breaks of their own (no header injection), non-ASCII
    /// headers encoded (RFC 2047), the body as UTF-8 text.
    static func message(_ mail: Mail) -> String {
        let name = clean(mail.toName).replacingOccurrences(of: "\"", with: "'")
        let headers = [
            "From: \(clean(mail.from))", "To: \(phrase(name)) <\(clean(mail.toAddress))>", "Subject: \(text(clean(mail.subject)))",
            "Message-ID: \(clean(mail.messageId))", "Date: \(rfc5322(mail.date))", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "Auto-Submitted: auto-generated",
        ]
        return headers.joined(separator: "\n") + "\n\n" + mail.body.replacingOccurrences(of: "\r\n", with: "\n") + "\n"
    }

    static func clean(_ s: String) -> String { s.filter { !$0.isNewline && $0 != "\0" } }

    /// A display name: quoted, or an encoded word when it is not ASCII.
    static func phrase(_ s: String) -> String { s.allSatisfy(\.isASCII) ? "\"\(s)\"" : word(s) }

    /// Header text: as it is, or an encoded word when it is not ASCII.
    static func text(_ s: String) -> String { s.allSatisfy(\.isASCII) ? s : word(s) }

    static func word(_ s: String) -> String { "=?utf-8?B?\(Data(s.utf8).base64EncodedString())?=" }

    static func rfc5322(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }
}

/// The relay did not take a message; it stays in the outbox and is tried again.
public struct MailNotSent: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
