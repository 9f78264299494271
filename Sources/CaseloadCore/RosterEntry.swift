/// A specialist as the roster lists them, with the school their base is at (if any).
public struct RosterEntry: Hashable, Sendable {
    public var specialist: Specialist
    public var baseSchool: String?
    /// Their name and work contact details, as schools see them.
    public var contact = SpecialistContact()

    /// An entry of the roster.
    public init(specialist: Specialist, baseSchool: String?, contact: SpecialistContact = SpecialistContact()) {
        self.specialist = specialist
        self.baseSchool = baseSchool
        self.contact = contact
    }
}

/// A specialist's name and work phone and email (each optional), for the pages and messages
/// schools read; never used to plan.
public struct SpecialistContact: Hashable, Sendable {
    public var name: String?
    public var phone: String?
    public var email: String?

    /// Contact details with any of the fields.
    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        (self.name, self.phone, self.email) = (name, phone, email)
    }

    /// "Asha Patel (salt-3)", or the id alone when the roster gives no name.
    public func said(id: String) -> String { name.map { "\($0) (\(id))" } ?? id }

    /// "01234 567890, asha.patel@trust.example", or empty.
    public var reach: String { [phone, email].compactMap { $0 }.joined(separator: ", ") }
}
