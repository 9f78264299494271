import CaseloadCore

/// Reads the trust's staff list (CSV with a header): `name`, `email` and `roles`, the roles
/// written `senco:URN`, `specialist:ID` or `leader`, several split by `;`. Other columns (a
/// directory export's job title, say) are ignored.
public enum StaffFile {
    /// The columns it needs.
    public static let columns = ["name", "email", "roles"]

    /// Each row's details, or every problem at once, each naming its line and field.
    public static func read(_ text: String) -> (entries: [PersonDetails], problems: [String]) {
        let table = CSVTable(text)
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = columns.filter { !header.contains($0) }
        guard missing.isEmpty else {
            return ([], ["line 1: the header needs the columns \(columns.joined(separator: ",")); \(missing.joined(separator: ", ")) missing"])
        }
        let named = CSVTable(header: header, rows: table.rows)
        var entries: [PersonDetails] = []
        var problems: [String] = []
        var seen = Set<String>()
        for (line, fields) in named.rows {
            do {
                let entry = try PersonDetails(
                    name: named.value("name", in: fields) ?? "", email: named.value("email", in: fields) ?? "",
                    roles: try Role.list(named.value("roles", in: fields) ?? "")
                ).checked()
                guard seen.insert(entry.email ?? "").inserted else {
                    problems.append("line \(line): \(entry.email ?? "") is listed twice; keep one row per person")
                    continue
                }
                entries.append(entry)
            } catch {
                problems.append("line \(line): \(error.description)")
            }
        }
        if entries.isEmpty && problems.isEmpty { problems.append("line 2: the list has no one in it") }
        return (entries, problems)
    }
}

extension CSVTable {
    /// A table with `header` in place of the file's (the same columns, tidied).
    init(header: [String], rows: [(line: Int, fields: [String])]) {
        self.header = header
        self.rows = rows
    }
}
