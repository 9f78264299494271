import CaseloadCore
import Foundation

/// A day's outcomes as a CSV file: a header with `referral` and `outcome` columns, one session a row.
public enum OutcomeFile {
    /// Every row, or an error listing every bad row by line (nothing is recorded from a bad file).
    public static func read(_ text: String) throws(InputError) -> [OutcomeEntry] {
        let table = CSVTable(text)
        for column in ["referral", "outcome"] where !table.header.contains(column) {
            throw InputError(field: "header", problem: "has no \"\(column)\" column; the file needs referral,outcome")
        }
        var entries: [OutcomeEntry] = []
        var problems: [String] = []
        for row in table.rows {
            guard let id = table.value("referral", in: row.fields).flatMap(Int64.init) else {
                problems.append("line \(row.line): referral must be a referral number")
                continue
            }
            do {
                entries.append(
                    OutcomeEntry(referral: id, outcome: try OutcomeEntry.outcome(table.value("outcome", in: row.fields) ?? "", field: "outcome")))
            } catch { problems.append("line \(row.line): \(error.problem)") }
        }
        if !problems.isEmpty { throw InputError(field: "file", problem: "nothing was recorded:\n" + problems.joined(separator: "\n")) }
        if entries.isEmpty { throw InputError(field: "file", problem: "has no rows; add one line per session: referral,outcome") }
        return entries
    }
}
