import CaseloadCore

/// Reads a GIAS establishment CSV exactly as the DfE publishes it ("edubasealldata"), keeping
/// the schools of one trust and converting their OSGB36 grid references to WGS84.
public enum GIASFile {
    /// The columns this reader needs, by their published names.
    public static let required = ["URN", "EstablishmentName", "Trusts (name)", "Easting", "Northing"]

    /// Schools whose `Trusts (name)` matches `trust` (case-insensitive), and a line for every
    /// row of that trust that cannot be used, with its line number and why.
    public static func read(_ text: String, trust: String) throws(InputError) -> (schools: [SchoolRecord], problems: [String]) {
        let table = CSVTable(text)
        if let missing = required.first(where: { !table.header.contains($0) }) {
            throw InputError(field: "header", problem: "has no \"\(missing)\" column; export the file from GIAS with all establishment fields")
        }
        var schools: [SchoolRecord] = []
        var problems: [String] = []
        for row in table.rows where table.value("Trusts (name)", in: row.fields)?.lowercased() == trust.lowercased() {
            switch school(row.fields, table) {
            case .success(let s): schools.append(s)
            case .failure(let p): problems.append("line \(row.line): \(p.message)")
            }
        }
        return (schools, problems)
    }

    struct Problem: Error { let message: String }

    static func school(_ f: [String], _ t: CSVTable) -> Result<SchoolRecord, Problem> {
        guard let urn = t.value("URN", in: f), Int(urn) != nil else { return .failure(Problem(message: "URN is missing or not a number")) }
        guard let name = t.value("EstablishmentName", in: f) else { return .failure(Problem(message: "school \(urn) has no EstablishmentName")) }
        guard let e = t.value("Easting", in: f).flatMap(Double.init), let n = t.value("Northing", in: f).flatMap(Double.init),
            (0...700_000).contains(e), (0...1_300_000).contains(n)
        else {
            return .failure(Problem(message: "school \(urn) has no usable Easting/Northing; add its grid reference or leave it out"))
        }
        if let status = t.value("EstablishmentStatus (name)", in: f), status.lowercased().hasPrefix("closed") {
            return .failure(Problem(message: "school \(urn) is closed"))
        }
        let pupils = t.value("NumberOfPupils", in: f).flatMap(Int.init) ?? 0
        let record = SchoolRecord(
            urn: urn, name: name, phase: t.value("PhaseOfEducation (name)", in: f) ?? "Not applicable",
            location: OSGrid.toWGS84(easting: e, northing: n), pupils: pupils,
            ehcPlans: t.value("SENStat", in: f).flatMap(Int.init) ?? 0,
            senSupport: t.value("SENNoStat", in: f).flatMap(Int.init) ?? 0,
            postcode: t.value("Postcode", in: f),
            address: Optional(["Street", "Locality", "Address3", "Town"].compactMap { t.value($0, in: f) }.joined(separator: ", "))
                .flatMap { $0.isEmpty ? nil : $0 },
            la: t.value("LA (name)", in: f))
        if let problem = SchoolRecord.problem(record) { return .failure(Problem(message: problem)) }
        return .success(record)
    }
}
