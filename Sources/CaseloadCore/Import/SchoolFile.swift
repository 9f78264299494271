import Foundation

/// A school as the fixtures need it: where it is, how big, and how many pupils with SEN.
public struct SchoolRecord: Sendable, Hashable {
    public var urn: String
    public var name: String
    public var phase: String
    public var location: GeoPoint
    public var pupils: Int
    /// Pupils with an EHC plan.
    public var ehcPlans: Int
    /// Pupils on SEN support.
    public var senSupport: Int
    public var postcode: String?
    /// Street, locality and town, as one line (`nil` when the source has none).
    public var address: String?
    /// The local authority.
    public var la: String?

    /// A school with its figures.
    public init(urn: String, name: String, phase: String, location: GeoPoint, pupils: Int, ehcPlans: Int, senSupport: Int,
                postcode: String? = nil, address: String? = nil, la: String? = nil) {
        self.urn = urn; self.name = name; self.phase = phase; self.location = location
        self.pupils = pupils; self.ehcPlans = ehcPlans; self.senSupport = senSupport; self.postcode = postcode; self.la = la
        self.address = address
    }

    /// How much specialist demand the school generates: EHC plans weigh three times SEN support.
    public var demandWeight: Double { Double(3 * ehcPlans + senSupport) + 1 }

    /// Whether it is a primary school (its day ends earlier).
    public var isPrimary: Bool { phase.lowercased().contains("primary") }
}

/// Reads the trust files in `shared/data/schools/`: `urn,name,phase,postcode,easting,northing,
/// latitude,longitude,pupils,la` and the `*_sen_extra.csv` companion keyed by URN.
public enum SchoolFile {
    /// The schools that can be used, and one line per row that cannot (with its line number and why).
    public static func read(schools: String, senExtra: String?) -> (schools: [SchoolRecord], skipped: [String]) {
        let main = CSVTable(schools)
        let extra = senExtra.map(CSVTable.init)
        var sen: [String: [String]] = [:]
        for row in extra?.rows ?? [] { if let urn = extra?.value("urn", in: row.fields) { sen[urn] = row.fields } }
        var out: [SchoolRecord] = [], skipped: [String] = []
        for row in main.rows {
            switch record(row.fields, main, sen[main.value("urn", in: row.fields) ?? ""], extra) {
            case .success(let school): out.append(school)
            case .failure(let why): skipped.append("line \(row.line): \(why.message)")
            }
        }
        return (out, skipped)
    }

    struct Skip: Error { let message: String }

    static func record(_ f: [String], _ t: CSVTable, _ sen: [String]?, _ extra: CSVTable?) -> Result<SchoolRecord, Skip> {
        guard let urn = t.value("urn", in: f) else { return .failure(Skip(message: "no URN")) }
        guard let lat = t.value("latitude", in: f).flatMap(Double.init), let lon = t.value("longitude", in: f).flatMap(Double.init) else {
            return .failure(Skip(message: "school \(urn) has no latitude/longitude, and Caseload will not guess where it is; add them"))
        }
        let pupils = t.value("pupils", in: f).flatMap(Int.init) ?? sen.flatMap { extra?.value("census_nor", in: $0) }.flatMap(Int.init) ?? 300
        let ehc = sen.flatMap { extra?.value("ehcp_count", in: $0) }.flatMap(Int.init) ?? max(1, pupils / 50)
        let support = sen.flatMap { extra?.value("sen_support_count", in: $0) }.flatMap(Int.init) ?? pupils / 8
        let name = t.value("name", in: f) ?? "School \(urn)"
        return .success(SchoolRecord(urn: urn, name: name, phase: t.value("phase", in: f) ?? "Primary",
                                     location: GeoPoint(lat: lat, lon: lon), pupils: pupils, ehcPlans: ehc, senSupport: support,
                                     postcode: t.value("postcode", in: f), address: t.value("address", in: f), la: t.value("la", in: f)))
    }
}
