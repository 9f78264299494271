import CaseloadCore
import GRDB

// The domain's values as the database keeps them: each is stored as its text and read back
// through GRDB's `DatabaseValueConvertible`, which gives `nil` (never a default) for text that is
// not one of them. `StoredRow` turns that `nil` into an error naming the table, the row and the
// column.

extension CalendarDate: DatabaseValueConvertible {
    /// `YYYY-MM-DD`.
    public var databaseValue: DatabaseValue { description.databaseValue }

    /// The date, or `nil` for text that is not a real `YYYY-MM-DD` date.
    public static func fromDatabaseValue(_ value: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(value).flatMap(CalendarDate.init)
    }
}

extension ClockTime: DatabaseValueConvertible {
    /// `HH:MM`.
    public var databaseValue: DatabaseValue { description.databaseValue }

    /// The time, or `nil` for text that is not `HH:MM`.
    public static func fromDatabaseValue(_ value: DatabaseValue) -> ClockTime? {
        String.fromDatabaseValue(value).flatMap(ClockTime.init)
    }
}

extension Weekday: DatabaseValueConvertible {}
extension ReferralStatus: DatabaseValueConvertible {}
extension AreaOfNeed: DatabaseValueConvertible {}
extension SessionOutcome: DatabaseValueConvertible {}
extension DayPart: DatabaseValueConvertible {}

extension ReferralFlags: DatabaseValueConvertible {
    /// The set flags' names, comma-separated (`ehc_plan,safeguarding`), empty for none.
    public var databaseValue: DatabaseValue { names.joined(separator: ",").databaseValue }

    /// The flags, or `nil` when any word is not a flag's name.
    public static func fromDatabaseValue(_ value: DatabaseValue) -> ReferralFlags? {
        String.fromDatabaseValue(value).flatMap { ReferralFlags(names: $0.split(separator: ",").map(String.init)) }
    }
}

/// A value stored as its text: records write it through `Encodable`, and GRDB's encoder takes
/// its `databaseValue`.
protocol StoredAsText: DatabaseValueConvertible, Encodable {}

extension StoredAsText {
    /// Encodes the stored text (GRDB's record encoder uses `databaseValue` itself).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String.fromDatabaseValue(databaseValue) ?? "")
    }
}

extension CalendarDate: StoredAsText {}
extension ClockTime: StoredAsText {}
extension SchoolHours: StoredAsText {}

/// A list of weekdays stored as `mon,wed`.
struct StoredWeekdays: StoredAsText, Sendable, Equatable {
    var days: [Weekday]

    var databaseValue: DatabaseValue { days.map(\.rawValue).joined(separator: ",").databaseValue }

    static func fromDatabaseValue(_ value: DatabaseValue) -> StoredWeekdays? {
        guard let text = String.fromDatabaseValue(value) else { return nil }
        var days: [Weekday] = []
        for word in text.split(separator: ",") {
            guard let day = Weekday(rawValue: String(word)) else { return nil }
            days.append(day)
        }
        return StoredWeekdays(days: days)
    }
}

/// One fetched row read column by column as typed values. A value that cannot be read is an error
/// naming the table, the row and the column, never a default and never a skipped row.
struct StoredRow {
    let row: Row
    let table: String
    /// The column that names the row in an error (its primary key).
    let key: String

    init(_ row: Row, table: String, key: String = "id") {
        self.row = row
        self.table = table
        self.key = key
    }

    /// The column's value; NULL (unless `T` is optional) or text that is not a `T` is an error.
    func callAsFunction<T: DatabaseValueConvertible>(_ column: some ColumnExpression) throws -> T {
        let value: DatabaseValue = row[column.name]
        guard let typed = T.fromDatabaseValue(value) else { throw unreadable(column.name, value) }
        return typed
    }

    /// The error for a value that cannot be read.
    func unreadable(_ column: String, _ value: DatabaseValue) -> StoreError {
        let id = (row[key] as DatabaseValue).storage.shortText
        return StoreError.unreadable(table: table, row: id, column: column, value: value.storage.shortText)
    }
}

extension DatabaseValue.Storage {
    /// The value as a short text for an error message (at most 40 characters).
    var shortText: String {
        switch self {
        case .null: "NULL"
        case .int64(let n): "\(n)"
        case .double(let x): "\(x)"
        case .string(let s): "\"\(s.prefix(40))\""
        case .blob(let b): "a blob of \(b.count) bytes"
        }
    }
}

extension StoreError {
    /// A stored value that cannot be read: the table, the row's key, the column and the value.
    static func unreadable(table: String, row: String, column: String, value: String) -> StoreError {
        .unavailable(
            "\(table) \(row) has an unreadable \(column) \(value) in the database; correct the row or restore a backup",
            next: .restoreBackup)
    }
}
