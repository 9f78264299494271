import CaseloadCore
import GRDB

extension RosterStore {
    /// Adds or updates schools, all in one transaction: every school is written, or none.
    @discardableResult
    public func importSchools(_ schools: [SchoolRecord], stamp: Stamp) throws -> Int {
        if let bad = schools.lazy.compactMap(SchoolRecord.problem).first { throw StoreError.invalid("\(bad); nothing was imported") }
        return try write { db in
            for s in schools {
                let existed = try SchoolRow.exists(db, key: s.urn)
                try SchoolRow(s).save(db)
                try db.audit(
                    stamp, existed ? "update" : "create", "school", s.urn,
                    ["name": s.name, "pupils": "\(s.pupils)", "sen_support": "\(s.senSupport)", "ehc_plans": "\(s.ehcPlans)"])
            }
            return schools.count
        }
    }

    /// Every school, by URN.
    public func schools() throws -> [SchoolRecord] {
        try read { db in try SchoolRow.order(Column("urn")).fetchAll(db).map(\.record) }
    }

    /// Every school's name by its URN.
    public func schoolNames() throws -> [String: String] {
        try read { db in
            var names: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT urn, name FROM school") {
                let r = StoredRow(row, table: "school", key: "urn")
                names[try r(SchoolRow.Columns.urn)] = try r(SchoolRow.Columns.name)
            }
            return names
        }
    }

    /// One school, or `nil`.
    public func school(_ urn: String) throws -> SchoolRecord? {
        try read { db in try SchoolRow.fetchOne(db, key: urn)?.record }
    }
}
