import GRDB

extension AppDatabase {
    /// The newest migration this Caseload makes: the schema version a fresh or up-to-date file reports.
    public static var currentSchema: String { migrator.migrations.last ?? "" }

    /// Schema migrations. A shipped migration never changes: add a new one instead.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: schools, specialists, referrals, audit") { db in
            try createSchools(db)
            try createSpecialists(db)
            try createReferrals(db)
            try createAudit(db)
        }
        m.registerMigration("v2: timetables, bookings and series") { db in
            try createTimetables(db)
        }
        m.registerMigration("v3: API tokens") { db in
            try db.create(table: "token") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("hash", .text).notNull().unique()
                t.column("role", .text).notNull()
                t.column("school", .text).references("school")
                t.column("specialist", .text).references("specialist")
                t.column("label", .text).notNull()
                t.column("created_at", .text).notNull()
                t.column("revoked_at", .text)
            }
        }
        m.registerMigration("v4: the week as lived") { db in try weekAsLived(db) }
        m.registerMigration("v5: the school year") { db in try schoolYear(db) }
        m.registerMigration("v6: calendar feeds, retention and erasure") { db in
            try calendarFeeds(db)
            try erasure(db)
        }
        m.registerMigration("v7: leaders' overrides and half-day absences") { db in
            try overrides(db)
            try db.alter(table: "specialist_leave") { t in t.add(column: "part", .text).notNull().defaults(to: "day") }
        }
        m.registerMigration("v8: people, their roles and sign-ins, and web sessions") { db in
            try people(db)
            try webSessions(db)
        }
        m.registerMigration("v9: the outbox, and how each person hears") { db in try outbox(db) }
        m.registerMigration("v10: scheduled jobs' runs") { db in
            try db.create(table: "job_run") { t in
                t.column("job", .text).notNull()
                t.column("due_at", .text).notNull()
                t.column("started_at", .text).notNull()
                t.column("finished_at", .text)
                t.column("outcome", .text)
                t.column("detail", .text).notNull().defaults(to: "")
                t.primaryKey(["job", "due_at"])
            }
        }
        m.registerMigration("v11: announcements for the trust's webhook") { db in
            try db.create(table: "announcement") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("text", .text).notNull()
                t.column("link", .text).notNull()
                t.column("created_at", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("next_try_at", .text)
                t.column("last_error", .text)
                t.column("sent_at", .text)
            }
        }
        m.registerMigration("v12: heavy work as tasks, held weeks and late warnings") { db in try tasks(db) }
        m.registerMigration("v13: when each message was handed to the relay") { db in
            try db.alter(table: "outbox") { t in t.add(column: "handed_at", .text) }
        }
        m.registerMigration("v14: specialists' names and work contact details") { db in
            try db.alter(table: "specialist") { t in
                t.add(column: "name", .text)
                t.add(column: "phone", .text)
                t.add(column: "email", .text)
            }
        }
        m.registerMigration("v15: a note on each session") { db in
            try db.alter(table: "booking") { t in t.add(column: "note", .text) }
        }
        return m
    }

    /// Heavy work started from a request (`task`: one waiting or running per key, so two clicks
    /// start one); weeks a leader holds back from automatic publishing (`week_hold`); and the
    /// urgent referrals the leaders have been told will miss their target (`late_warning`).
    private static func tasks(_ db: Database) throws {
        try db.create(table: "task") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull().check { ["plan", "replan", "replan_preview", "what_if"].contains($0) }
            t.column("key", .text).notNull()
            t.column("state", .text).notNull().check { ["waiting", "running", "done", "failed"].contains($0) }
            t.column("about", .text).notNull()
            t.column("expected_seconds", .integer).notNull().defaults(to: 0)
            t.column("result", .text)
            t.column("problem", .text)
            t.column("requested_by", .text).notNull()
            t.column("created_at", .text).notNull()
            t.column("started_at", .text)
            t.column("finished_at", .text)
        }
        try db.execute(sql: "CREATE UNIQUE INDEX task_one_at_a_time ON task(key) WHERE state IN ('waiting', 'running')")
        try db.create(table: "week_hold") { t in
            t.primaryKey("week", .text)
            t.column("reason", .text).notNull()
            t.column("held_by", .text).notNull()
            t.column("held_at", .text).notNull()
        }
        try db.create(table: "late_warning") { t in
            t.primaryKey("referral_id", .integer).references("referral", onDelete: .cascade)
            t.column("due", .text).notNull()
            t.column("warned_at", .text).notNull()
        }
    }

    /// The trust's people (name, email, switched off or not, the sign-in provider's subject once
    /// they have signed in), each role they hold, and which person an access key belongs to (a
    /// key with no person belongs to the integration its label names).
    private static func people(_ db: Database) throws {
        try db.create(table: "person") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("email", .text).notNull().unique().collate(.nocase)
            t.column("created_at", .text).notNull()
            t.column("disabled_at", .text)
            t.column("subject", .text).unique()
        }
        try db.create(table: "person_role") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("person_id", .integer).notNull().indexed().references("person", onDelete: .cascade)
            t.column("role", .text).notNull().check { ["senco", "specialist", "leader"].contains($0) }
            t.column("school", .text).references("school")
            t.column("specialist", .text).references("specialist")
        }
        try db.alter(table: "token") { t in t.add(column: "person_id", .integer).references("person") }
        try db.alter(table: "calendar_feed") { t in t.add(column: "token_id", .integer).references("token") }
    }

    /// Messages someone must hear about, written in the same transaction as the change
    /// (`outbox`), and how each person takes them: at once or in a daily digest.
    private static func outbox(_ db: Database) throws {
        try db.alter(table: "person") { t in
            t.add(column: "delivery", .text).notNull().defaults(to: "at_once").check { ["at_once", "daily_digest"].contains($0) }
        }
        try db.create(table: "outbox") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("person_id", .integer).notNull().indexed().references("person", onDelete: .cascade)
            t.column("kind", .text).notNull()
            t.column("subject", .text).notNull()
            t.column("body", .text).notNull()
            t.column("link", .text).notNull()
            t.column("created_at", .text).notNull()
            t.column("due_at", .text).notNull()
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("next_try_at", .text)
            t.column("last_error", .text)
            t.column("sent_at", .text)
            t.column("message_id", .text).unique()
        }
        try db.create(index: "outbox_unsent", on: "outbox", columns: ["sent_at", "due_at"])
    }

    /// Signed-in browsers' sessions (hummingbird-auth's persistence), so a restart signs no one
    /// out; `expires_at` is seconds since 1970.
    private static func webSessions(_ db: Database) throws {
        try db.create(table: "web_session") { t in
            t.primaryKey("key", .text)
            t.column("value", .blob).notNull()
            t.column("expires_at", .double)
        }
    }

    /// A leader's override of one referral's next session (`Override`): at most one per referral.
    private static func overrides(_ db: Database) throws {
        try db.create(table: "referral_override") { t in
            t.primaryKey("referral_id", .integer).references("referral", onDelete: .cascade)
            t.column("session_number", .integer).notNull()
            t.column("week_start", .text)
            t.column("reason", .text).notNull()
            t.column("set_at", .text).notNull()
            t.column("set_by", .text).notNull()
        }
    }

    /// Each specialist's private calendar subscription addresses, kept only as the SHA-256 hash
    /// of their secret; a revoked one stays (revoked) so the audit trail can name it.
    private static func calendarFeeds(_ db: Database) throws {
        try db.create(table: "calendar_feed") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("specialist", .text).notNull().indexed().references("specialist", onDelete: .cascade)
            t.column("hash", .text).notNull().unique()
            t.column("created_at", .text).notNull()
            t.column("revoked_at", .text)
        }
    }

    /// When a referral's pupil-identifying data was removed (retention or a pupil's erasure), and
    /// an audit log that stays append-only except for exactly that: an entry's details may be
    /// replaced by a redaction marker, never its who, when or what.
    private static func erasure(_ db: Database) throws {
        try db.alter(table: "referral") { t in t.add(column: "erased_at", .text) }
        try db.execute(sql: "DROP TRIGGER audit_log_no_update")
        try db.execute(
            sql: """
                CREATE TRIGGER audit_log_only_redactions BEFORE UPDATE ON audit_log
                WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action
                  OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id OR NEW.detail NOT LIKE '{"redacted":%'
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only; only a pupil''s details may be redacted'); END
                """)
    }

    /// Closures (trust-wide when `school_urn` is null: imported holidays; else a school's INSET
    /// days and other closures), each school's own day, and the planner's latest projection of
    /// the waiting list (each waiting referral's first week, `null` beyond its weeks).
    private static func schoolYear(_ db: Database) throws {
        try db.create(table: "closure") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("school_urn", .text).indexed().references("school", onDelete: .cascade)
            t.column("from_date", .text).notNull()
            t.column("to_date", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("created_at", .text).notNull()
            t.column("created_by", .text).notNull()
            t.check(sql: "from_date <= to_date")
        }
        try db.alter(table: "school") { t in t.add(column: "hours", .text) }
        try db.create(table: "projection_run") { t in
            t.column("id", .integer).primaryKey().check { $0 == 1 }  // the latest run only
            t.column("made_on", .text).notNull()
            t.column("weeks", .text).notNull()
        }
        try db.create(table: "projection") { t in
            t.primaryKey("referral_id", .integer).references("referral", onDelete: .cascade)
            t.column("first_week", .text)
        }
    }

    /// Outcomes with their date and author, timetable revisions, bookings cancelled by a re-plan,
    /// school addresses, referral fields for preferred days and a required skill, and token expiry
    /// (tokens made before it expire 180 days after they were made).
    private static func weekAsLived(_ db: Database) throws {
        try db.alter(table: "booking") { t in
            t.add(column: "outcome_at", .text)
            t.add(column: "outcome_by", .text)
        }
        try db.alter(table: "timetable") { t in
            t.add(column: "revision", .integer).notNull().defaults(to: 0)
            t.add(column: "based_on_audit", .integer).notNull().defaults(to: 0)
        }
        try db.create(table: "cancelled_booking") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("week_start", .text).notNull().indexed().references("timetable", onDelete: .cascade)
            t.column("referral_id", .integer).notNull().references("referral")
            t.column("session_number", .integer).notNull()
            t.column("specialist_id", .text).notNull()
            t.column("day", .text).notNull()
            t.column("start", .text).notNull()
            t.column("end", .text).notNull()
            t.column("school_urn", .text).notNull()
            t.column("revision", .integer).notNull()
        }
        try db.alter(table: "school") { t in t.add(column: "address", .text) }
        try db.alter(table: "referral") { t in
            t.add(column: "days_only", .boolean).notNull().defaults(to: false)
            t.add(column: "skill", .text)
        }
        try db.alter(table: "token") { t in t.add(column: "expires_at", .text) }
        try db.create(index: "referral_by_school", on: "referral", columns: ["school_urn", "id"])
        try db.execute(sql: "UPDATE token SET expires_at = strftime('%Y-%m-%dT%H:%M:%SZ', created_at, '+180 days')")
    }

    private static func createTimetables(_ db: Database) throws {
        try db.create(table: "timetable") { t in
            t.primaryKey("week_start", .text)
            t.column("status", .text).notNull()
            t.column("scenario", .text).notNull()
            t.column("plan", .text).notNull()
            t.column("served_priority", .integer).notNull()
            t.column("travel_min", .integer).notNull()
            t.column("created_at", .text).notNull()
            t.column("published_at", .text)
        }
        try db.create(table: "booking") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("week_start", .text).notNull().indexed().references("timetable", onDelete: .cascade)
            t.column("referral_id", .integer).notNull().indexed().references("referral")
            t.column("session_number", .integer).notNull()
            t.column("specialist_id", .text).notNull().references("specialist")
            t.column("day", .text).notNull()
            t.column("start", .text).notNull()
            t.column("end", .text).notNull()
            t.column("school_urn", .text).notNull()
            t.column("outcome", .text)
            t.uniqueKey(["week_start", "referral_id"])
        }
        try db.create(table: "unbooked") { t in
            t.column("week_start", .text).notNull().indexed().references("timetable", onDelete: .cascade)
            t.column("referral_id", .integer).notNull().references("referral")
            t.column("code", .text).notNull()
            t.column("reason", .text).notNull()
            t.primaryKey(["week_start", "referral_id"])
        }
        try db.create(table: "series") { t in
            t.primaryKey("referral_id", .integer).references("referral", onDelete: .cascade)
            t.column("specialist_id", .text).notNull().references("specialist")
            t.column("weekday", .text)
            t.column("sessions_done", .integer).notNull()
            t.column("last_week", .text)
        }
    }

    private static func createSchools(_ db: Database) throws {
        try db.create(table: "school") { t in
            t.primaryKey("urn", .text)
            t.column("name", .text).notNull()
            t.column("phase", .text).notNull()
            t.column("postcode", .text)
            t.column("la", .text)
            t.column("lat", .double).notNull()
            t.column("lon", .double).notNull()
            t.column("pupils", .integer).notNull()
            t.column("sen_support", .integer).notNull()
            t.column("ehc_plans", .integer).notNull()
        }
    }

    private static func createSpecialists(_ db: Database) throws {
        try db.create(table: "specialist") { t in
            t.primaryKey("id", .text)
            t.column("service", .text).notNull()
            t.column("skills", .text).notNull()
            t.column("base_lat", .double).notNull()
            t.column("base_lon", .double).notNull()
            t.column("base_school", .text).references("school")
            t.column("max_travel_min", .integer)
            t.column("max_schools", .integer)
            t.column("pattern", .text).notNull()
        }
        try db.create(table: "specialist_leave") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("specialist_id", .text).notNull().indexed().references("specialist", onDelete: .cascade)
            t.column("first_day", .text).notNull()
            t.column("last_day", .text).notNull()
            t.column("reason", .text).notNull()
        }
    }

    private static func createReferrals(_ db: Database) throws {
        try db.create(table: "referral") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("school_urn", .text).notNull().references("school")
            t.column("pupil_ref", .text).notNull()
            t.column("year_group", .integer).notNull()
            t.column("service", .text).notNull()
            t.column("pathway", .text).notNull()
            t.column("area", .text).notNull()
            t.column("severity", .integer).notNull().check { $0 >= 1 && $0 <= 5 }
            t.column("flags", .text).notNull()
            t.column("apdr_cycles", .integer).notNull()
            t.column("consent", .boolean).notNull()
            t.column("preferred_days", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("received_on", .text).notNull()
            t.column("status", .text).notNull()
            t.column("score", .integer).notNull()
            t.column("band", .text).notNull()
            t.column("decline_reasons", .text).notNull()
        }
        try db.create(index: "referral_by_service_status", on: "referral", columns: ["service", "status"])
        try db.execute(
            sql: """
                CREATE UNIQUE INDEX referral_one_open_per_service ON referral(school_urn, pupil_ref, service)
                WHERE status IN ('waiting', 'active', 'on_hold')
                """)
        try db.create(table: "referral_status") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("referral_id", .integer).notNull().indexed().references("referral", onDelete: .cascade)
            t.column("from_status", .text)
            t.column("to_status", .text).notNull()
            t.column("at", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("note", .text).notNull()
        }
    }

    private static func createAudit(_ db: Database) throws {
        try db.create(table: "audit_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("entity_id", .text).notNull()
            t.column("detail", .text).notNull()
        }
        for op in ["UPDATE", "DELETE"] {
            try db.execute(
                sql: """
                    CREATE TRIGGER audit_log_no_\(op.lowercased()) BEFORE \(op) ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                    """)
        }
    }
}
