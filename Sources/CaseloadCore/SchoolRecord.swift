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
