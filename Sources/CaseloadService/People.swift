import CaseloadCore
import CaseloadFormats
import CaseloadStore

/// The trust's people: a leader adds, changes and switches them off, takes the staff list, and
/// gives a person an access key. The same from the command line, the API and the pages.
public struct People: Sendable {
    let db: AppDatabase

    /// The use case over `db`.
    public init(db: AppDatabase) { self.db = db }

    /// Every person, by name.
    public func list(by caller: Identity) throws -> [Person] {
        try AccessPolicy.check(caller, .managePeople, .trust)
        return try db.people.all()
    }

    /// Person `id`.
    public func person(_ id: Int64, by caller: Identity) throws -> Person {
        try AccessPolicy.check(caller, .managePeople, .trust)
        return try db.people.person(id)
    }

    /// Adds a person; every field is checked and named when wrong. Returns them as stored.
    public func add(_ details: PersonDetails, by caller: Identity, stamp: Stamp) throws -> Person {
        try AccessPolicy.check(caller, .managePeople, .trust)
        let checked = try details.checked()
        guard checked.name != nil, checked.email != nil, checked.roles != nil else {
            throw InputError(field: checked.name == nil ? "name" : checked.email == nil ? "email" : "roles", problem: "a new person needs it")
        }
        return try db.people.person(db.people.add(checked, stamp: stamp))
    }

    /// Changes person `id` (each given detail; roles are replaced all at once).
    public func change(_ id: Int64, _ details: PersonDetails, by caller: Identity, stamp: Stamp) throws -> Person {
        try AccessPolicy.check(caller, .managePeople, .trust)
        try db.people.change(id, try details.checked(), stamp: stamp)
        return try db.people.person(id)
    }

    /// Switches person `id` off at once (sessions, keys and calendar feeds), or back on. A leader
    /// may not switch themselves off: another leader does that, so the trust is never locked out.
    public func setDisabled(_ id: Int64, _ disabled: Bool, by caller: Identity, stamp: Stamp) throws -> Person {
        try AccessPolicy.check(caller, .managePeople, .trust)
        if disabled {
            guard caller.person?.id != id else { throw StoreError.conflict("you cannot switch yourself off; ask another leader") }
            try db.people.disable(id, stamp: stamp)
        } else {
            try db.people.enable(id, stamp: stamp)
        }
        return try db.people.person(id)
    }

    /// Takes the trust's staff list (CSV): adds each new person and changes those already kept
    /// (matched by email). Every problem is listed and nothing stored if any row is wrong.
    public func importStaff(_ csv: String, by caller: Identity, stamp: Stamp) throws -> (added: Int, changed: Int) {
        try AccessPolicy.check(caller, .managePeople, .trust)
        let (entries, problems) = StaffFile.read(csv)
        guard problems.isEmpty else { throw StoreError.invalid((problems.prefix(20) + ["nothing was imported"]).joined(separator: "\n")) }
        return try db.people.importStaff(entries, stamp: stamp)
    }

    /// A new access key for person `id` (shown once): it acts as them and stops when they are
    /// switched off.
    public func newKey(for id: Int64, label: String, days: Int, by caller: Identity, stamp: Stamp) throws -> (id: Int64, secret: String) {
        try AccessPolicy.check(caller, .managePeople, .trust)
        return try db.access.createToken(person: id, label: label, days: days, stamp: stamp)
    }
}
