import CaseloadCore

extension CSVTable {
    /// Each row as an object of its non-empty cells, with its line number, for the field readers.
    public func objects() -> [(line: Int, value: JSONValue)] {
        rows.map { row in
            let pairs = header.enumerated().compactMap { i, key -> (String, JSONValue)? in
                guard i < row.fields.count else { return nil }
                let cell = row.fields[i].trimmingCharacters(in: .whitespaces)
                return cell.isEmpty ? nil : (key.trimmingCharacters(in: .whitespaces), .string(cell))
            }
            return (row.line, .orderedObject(pairs))
        }
    }
}
