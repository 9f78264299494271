import ArgumentParser
import CaseloadCore
import CaseloadService
import Foundation

/// `caseload pupil export|erase`: a subject access request answered, and a pupil's data erased.
struct PupilCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pupil", abstract: "Answer a subject access request, or erase a pupil's data.", subcommands: [Export.self, Erase.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything held about one pupil reference at one school, as JSON (printed, or FILE.json) and a readable FILE.html.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var pupil: PupilOptions
        @Option(help: "Write FILE.json and FILE.html instead of printing the JSON.") var out: String?

        func run() throws {
            if let out { for file in [out + ".json", out + ".html"] { try ScenarioFiles.checkOutput(file) } }
            let export = try PupilRecords(db: store.open()).export(
                school: pupil.school, pupilRef: pupil.pupilRef, by: .commandLine, config: try store.loadConfig(), today: try store.today())
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = String(decoding: try encoder.encode(export), as: UTF8.self)
            guard let out else { return Console.print(json) }
            try ScenarioFiles.write(Data((json + "\n").utf8), to: out + ".json")
            try ScenarioFiles.write(Data(export.html.utf8), to: out + ".html")
            Console.print("wrote \(out).json and \(out).html: \(export.referrals.count) referral\(export.referrals.count == 1 ? "" : "s")")
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase what identifies one pupil at one school (their referrals must be over); the reason is recorded.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var pupil: PupilOptions
        @Option(help: "Why, for the audit log (e.g. \"parent's request of 2 Dec\").") var reason: String

        func run() throws {
            let ids = try PupilRecords(db: store.open()).erase(
                school: pupil.school, pupilRef: pupil.pupilRef, reason: reason, by: .commandLine, stamp: store.stamp)
            Console.print("erased the pupil's data from referral\(ids.count == 1 ? "" : "s") \(ids.map(String.init).joined(separator: ", "))")
        }
    }
}

/// Which pupil: the school and the school's own reference for them.
struct PupilOptions: ParsableArguments {
    @Option(help: "The school's URN.") var school: String
    @Option(name: .customLong("pupil-ref"), help: "The school's own reference for the pupil.") var pupilRef: String
}
