import CaseloadCore
import Foundation

/// A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF line ends.
public struct CSVTable: Sendable {
    /// The header's column names.
    public let header: [String]
    /// Data rows with their 1-based line numbers in the file.
    public let rows: [(line: Int, fields: [String])]

    /// Parses `text`; the first record is the header.
    public init(_ text: String) {
        var records = CSVTable.records(text)
        header = records.isEmpty ? [] : records.removeFirst().fields
        rows = records
    }

    /// The value of `column` in `fields`, or `nil` when the column is missing or the field empty.
    public func value(_ column: String, in fields: [String]) -> String? {
        guard let i = header.firstIndex(of: column), i < fields.count else { return nil }
        let v = fields[i].trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }

    static func records(_ text: String) -> [(line: Int, fields: [String])] {
        var out: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append(chars.removeFirst()) } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                fields.append(field)
                field = ""
                if fields != [""] { out.append((recordLine, fields)) }
                fields = []
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            out.append((recordLine, fields))
        }
        return out
    }
}
