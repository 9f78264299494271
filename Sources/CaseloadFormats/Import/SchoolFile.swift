import CaseloadCore
import Foundation

/// Reads the trust files in `shared/data/schools/`: `urn,name,phase,postcode,easting,northing,
/// latitude,longitude,pupils,la` (optionally `address` and `school_day`, e.g. `08:45-15:00`) and the `*_sen_extra.csv` companion keyed by URN.
public enum SchoolFile {
    /// The schools that can be used, and one line per row that cannot (with its line number and why).
    /// `namingUnnamed` gives a school without a name "School URN" (for generated planning weeks,
    /// where names are only labels); an import refuses such a row.
    public static func read(schools: String, senExtra: String?, namingUnnamed: Bool = false) -> (schools: [SchoolRecord], skipped: [String]) {
        let main = CSVTable(schools)
        let extra = senExtra.map(CSVTable.init)
        var sen: [String: [String]] = [:]
        for row in extra?.rows ?? [] { if let urn = extra?.value("urn", in: row.fields) { sen[urn] = row.fields } }
        var out: [SchoolRecord] = []
        var skipped: [String] = []
        for row in main.rows {
            switch record(row.fields, main, sen[main.value("urn", in: row.fields) ?? ""], extra, namingUnnamed) {
            case .success(let school): out.append(school)
            case .failure(let why): skipped.append("line \(row.line): \(why.message)")
            }
        }
        return (out, skipped)
    }

    struct Skip: Error { let message: String }

    static func record(_ f: [String], _ t: CSVTable, _ sen: [String]?, _ extra: CSVTable?, _ namingUnnamed: Bool) -> Result<SchoolRecord, Skip> {
        guard let urn = t.value("urn", in: f) else { return .failure(Skip(message: "no URN")) }
        guard let lat = t.value("latitude", in: f).flatMap(Double.init), let lon = t.value("longitude", in: f).flatMap(Double.init) else {
            return .failure(Skip(message: "school \(urn) has no latitude/longitude, and Caseload will not guess where it is; add them"))
        }
        let pupils = t.value("pupils", in: f).flatMap(Int.init) ?? sen.flatMap { extra?.value("census_nor", in: $0) }.flatMap(Int.init) ?? 300
        let ehc = sen.flatMap { extra?.value("ehcp_count", in: $0) }.flatMap(Int.init) ?? max(1, pupils / 50)
        let support = sen.flatMap { extra?.value("sen_support_count", in: $0) }.flatMap(Int.init) ?? pupils / 8
        guard let name = t.value("name", in: f) ?? (namingUnnamed ? "School \(urn)" : nil) else {
            return .failure(Skip(message: "school \(urn) has no name; add it"))
        }
        let record = SchoolRecord(
            urn: urn, name: name, phase: t.value("phase", in: f) ?? "Primary",
            location: GeoPoint(lat: lat, lon: lon), pupils: pupils, ehcPlans: ehc, senSupport: support,
            postcode: t.value("postcode", in: f), address: t.value("address", in: f), la: t.value("la", in: f))
        var school = record
        if let text = t.value("school_day", in: f) {
            guard let hours = SchoolHours(text) else {
                return .failure(
                    Skip(
                        message:
                            "school \(urn): school_day \"\(text.prefix(40))\" is not a school day; write 08:45-15:15 or mon-thu 08:45-15:15, fri 08:45-13:30 (name every weekday, or put a plain window first)"
                    ))
            }
            school.hours = hours
        }
        if let problem = SchoolRecord.problem(school) { return .failure(Skip(message: problem)) }
        return .success(school)
    }
}
