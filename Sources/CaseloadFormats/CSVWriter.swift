import CaseloadCore

/// RFC 4180 CSV that a spreadsheet cannot run: a cell that begins with `=`, `+`, `-`, `@`, a
/// tab or a carriage return is prefixed with `'`, as OWASP advises against CSV injection.
public enum CSVWriter {
    /// The records as CSV text with CRLF line ends.
    public static func text(_ records: [[String]]) -> String {
        records.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One cell, neutralised and quoted where needed.
    public static func cell(_ value: String) -> String {
        var c = value
        if let first = c.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { c = "'" + c }
        guard c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return c }
        return "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
