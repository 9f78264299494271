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
    /// The school's own day, when the school file gives it (else the trust's rule by phase).
    public var hours: SchoolHours?

    /// A school with its figures.
    public init(
        urn: String, name: String, phase: String, location: GeoPoint, pupils: Int, ehcPlans: Int, senSupport: Int,
        postcode: String? = nil, address: String? = nil, la: String? = nil
    ) {
        self.urn = urn
        self.name = name
        self.phase = phase
        self.location = location
        self.pupils = pupils
        self.ehcPlans = ehcPlans
        self.senSupport = senSupport
        self.postcode = postcode
        self.la = la
        self.address = address
    }

    /// How much specialist demand the school generates: EHC plans weigh three times SEN support.
    public var demandWeight: Double { Double(3 * ehcPlans + senSupport) + 1 }

    /// What is impossible about a school, if anything: a URN that is not a number, coordinates off
    /// the Earth or outside the UK, negative counts, text with control characters or a
    /// spreadsheet formula, or too long.
    public static func problem(_ s: SchoolRecord) -> String? {
        guard !s.urn.isEmpty, s.urn.count <= 12, s.urn.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "URN \"\(s.urn.prefix(20))\" must be a number"
        }
        guard (49.0...61.0).contains(s.location.lat), (-9.0...2.0).contains(s.location.lon) else {
            return "school \(s.urn) is at \(s.location.lat), \(s.location.lon), which is not in the UK; check its latitude and longitude"
        }
        guard s.pupils >= 0, s.ehcPlans >= 0, s.senSupport >= 0 else { return "school \(s.urn) has a negative count of pupils; check the numbers" }
        for (field, text) in [("name", s.name), ("phase", s.phase), ("postcode", s.postcode ?? ""), ("address", s.address ?? ""), ("la", s.la ?? "")]
        {
            if text.count > 200 { return "school \(s.urn): \(field) is over 200 characters" }
            if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                return "school \(s.urn): \(field) holds a control character (a line break?); remove it"
            }
            if let first = text.first, "=+-@".contains(first) {
                return "school \(s.urn): \(field) starts with \(first), like a spreadsheet formula; remove it"
            }
        }
        return nil
    }

    /// Whether it is a primary school (its day ends earlier).
    public var isPrimary: Bool { phase.lowercased().contains("primary") }
}

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
