/// The starter settings `caseload init` writes: the same text as `Config/trust.yaml`
/// (a test keeps them identical).
public enum StarterConfig {
    /// The YAML text.
    public static let yaml = """
        # Caseload settings for the trust.
        #
        # This file is yours to edit: it decides who joins each waiting list, who is seen first, and how
        # quickly. Check it after every change with:
        #
        #     caseload config check
        #
        # which names any key it cannot accept and the values it allows. Nothing changes until the file
        # passes that check.

        trust:
          name: The Kemnal Academies Trust

        priority:
          # Points a referral earns at intake. Its score decides whether it joins the list (see each
          # service's threshold below) and its priority band.
          weights:
            severity: 10               # per level of severity, 1 (mild) to 5 (severe): 10 to 50 points
            ehc_plan: 10               # the pupil has an EHC plan
            ehc_needs_assessment: 25   # the referral is part of an EHC needs assessment
            exclusion_risk: 12         # at risk of exclusion
            looked_after: 10           # a looked-after child
            safeguarding: 15           # a safeguarding concern

          # While a referral waits, its priority climbs by this many points each week,
          # so that nobody waits for ever behind newer, slightly higher scores.
          ageing_points_per_week: 1.5

          # The statutory deadline: EP advice for an EHC needs assessment is due within 6 weeks of the
          # request. From `climb_from_week` weeks after the request, priority climbs steadily until it has
          # gained `climb_points` by the deadline week.
          statutory:
            service: EP
            ehc_advice_weeks: 6
            climb_from_week: 2
            climb_points: 40

          # Fair shares between schools, as local authorities share EP time: each school is entitled to
          # a share of each service in proportion to
          #   pupils × `pupils` + pupils on SEN support × `sen_support` + EHC plans × `ehc_plan`.
          # A school that has had less than its share gains up to `max_points` on its referrals.
          fair_share:
            pupils: 1
            sen_support: 5
            ehc_plan: 15
            max_points: 10

          # Priority bands by score at intake, highest first. One band must start at 0.
          # Each service sets a target wait for each band.
          bands:
            urgent: 70
            high: 50
            routine: 0

        # Intake: how many weeks back a trust leader may date a paper referral's receipt. A SENCO's
        # referral is always dated the day it arrives, so no school can move a pupil up the list.
        intake:
          max_backdate_weeks: 12
          # pupil_ref_pattern: ^[A-Z][0-9]{12}$   # optional: the shape every pupil reference must have

        # Retention: how long a pupil's reference and the notes about them are kept once a referral is
        # over. `caseload retention --dry-run` lists what is due; `--apply` removes it, keeping anonymous
        # counts (service, school, dates, status) for reports. Ask your data protection officer.
        retention:
          closed_years: 7            # completed or withdrawn: years after the last session (or the closing)
          declined_years: 1          # declined at intake: years after the decision

        # The weekly job's planner (`caseload schedule`, "Plan this week" on the leaders' pages, and
        # the API): how many seconds it looks for a better week. Longer finds a little more, about 1%
        # more priority served at 30 seconds than when the search stops on its own. 0 stops it as soon
        # as it stops improving (a few seconds); at most 600. `caseload schedule --time-limit` or
        # `--iterations` overrides it for one run.
        planning:
          search_seconds: 30
          # New bookings need this much notice, in school days (days the trust's schools are open),
          # so that a school can prepare a room, the pupil and the parents: a session is booked on a
          # day only if at least this many school days come after today up to that day (2: planned on
          # a Thursday, Monday is the first day; re-planned on a Monday morning, Wednesday is). Bookings
          # already made stay where they are. A leader may approve shorter notice for one re-plan
          # (`caseload schedule --replan --short-notice`). 0 to 10; default 2.
          notice_school_days: 2
          # Every specialist's lunch break on a full working day: `minutes` somewhere between `earliest`
          # and `latest_end`. A roster row's own break_minutes (0 for none) comes first. minutes: 0
          # turns the trust's break off.
          lunch_break:
            minutes: 30
            earliest: "12:00"
            latest_end: "13:30"

        # Urgent first sessions. A running block of sessions comes before any new first session of its
        # service, so without a reserve the blocks would fill every week and an urgent referral would
        # wait behind them. `reserve_percent` of each service's week is kept from new blocks (routine
        # referrals of more than one session) for urgent and statutory first sessions; single sessions
        # may use it when nothing urgent does. Urgent first sessions (these bands at intake, and every
        # statutory deadline) always come before routine ones. `may_postpone_blocks: yes` lets an urgent
        # first session take the place of a running block's next session (that block then goes on a
        # week later); the default keeps blocks whole.
        urgency:
          bands: [urgent]
          reserve_percent: 15
          may_postpone_blocks: no

        # Signing in to the pages. Everyone signs in as themselves: add people with `caseload person add`
        # (or the People page, or a staff list CSV). With a provider below, they sign in with their
        # school Microsoft 365 or Google Workspace account (OpenID Connect); the README says how to
        # register Caseload with Microsoft Entra ID or Google. The client secret never goes in this file:
        # put it in the environment variable `client_secret_env` names (default
        # CASELOAD_OIDC_CLIENT_SECRET) or in a file only the server may read (`client_secret_file`).
        # `access_keys: no` stops pasted access keys signing in to the pages (they still work for the
        # API's machine clients); it needs a provider.
        sign_in:
          access_keys: yes
          # provider:
          #   name: Microsoft                  # the button says "Sign in with Microsoft"
          #   issuer: https://login.microsoftonline.com/YOUR-TENANT-ID/v2.0
          #   client_id: 00000000-0000-0000-0000-000000000000
          #   client_secret_env: CASELOAD_OIDC_CLIENT_SECRET
          #   public_address: https://caseload.your-trust.org.uk   # people come back to /signin/callback here
          #   allowed_domains: [your-trust.org.uk]                 # only these addresses may sign in
          #   email_verified_by_directory: yes  # Entra ID with your own tenant: its email claim is your own directory's

        # Messages. Caseload tells people what changed: each school's SENCOs their visits when a week is
        # published or re-planned, and their referrals' decisions; each specialist their week; leaders a
        # week waiting for review. Messages are kept in the database with the change itself and sent
        # through the trust's own mail relay by the system's sendmail interface (Debian's msmtp or
        # postfix); a message the relay does not take is tried again, waiting longer each time, and is
        # listed on the leaders' Messages page after 5 tries. Each person takes messages at once or in a
        # daily digest (`caseload person change N --delivery daily_digest`). Without this section,
        # messages wait in the database until it is set.
        # notifications:
        #   from: "Caseload <caseload@your-trust.org.uk>"
        #   sendmail: [/usr/bin/msmtp, -t]        # or [/usr/sbin/sendmail, -t, -i] with postfix
        #   address: https://caseload.your-trust.org.uk   # each message links to its page here
        #   digest_at: "07:00"                     # when daily digests go, on the trust's clock
        #   every_seconds: 60                      # how often `caseload serve` sends what is due
        #   webhook: https://…                     # a Teams channel: the leaders' messages without pupil data

        # Jobs `caseload serve` runs by itself, each at a day and time on the trust's clock (leave
        # `day` out for every day). weekly_plan plans next week as a draft and tells the leaders, who
        # review and publish it; auto_publish (optional, later in the same week) publishes that draft
        # unless a leader has held it back on the week's page or it has gone stale. backup copies the
        # database into `folder` as caseload-DATE.sqlite and keeps the newest `keep`; retention applies
        # the retention rule above (`apply: no` only counts what is due). A job that was due while the
        # server was down runs once when it is back. Each job's last and next run are on the leaders'
        # Jobs page; a failed job tells the leaders.
        # jobs:
        #   weekly_plan: {day: thu, at: "16:00"}
        #   auto_publish: {day: fri, at: "12:00"}
        #   backup: {at: "02:00", folder: /var/backups/caseload, keep: 14}
        #   retention: {day: sun, at: "03:00", apply: yes}

        # Each school's day: when specialists can see pupils there. Primary and secondary days differ;
        # a school's own hours in the school file (a `school_day` column) come first, then its phase
        # here, then the default. A day can differ by weekday: "mon-thu 08:45-15:15, fri 08:45-13:30".
        school_day:
          default: 09:00-15:15
          primary: 08:45-15:00
          secondary: 08:35-15:10

        # The school year. Between two terms every school is closed; inside a term, list half terms,
        # bank holidays and trust-wide closure days under `closures`. A school's own INSET days go in
        # with `caseload school close URN --from D --to D --reason "INSET day"` (or a CSV), and next
        # year's dates can be imported from the local authority's CSV or iCalendar file with
        # `caseload calendar import FILE`. These are the usual English dates for 2026-27: check them
        # against your local authority's published term dates.
        calendar:
          terms:
            - name: Autumn 2026
              from: 2026-09-03
              to: 2026-12-18
              holiday_after: Christmas holiday
            - name: Spring 2027
              from: 2027-01-04
              to: 2027-03-25
              holiday_after: Easter holiday
            - name: Summer 2027
              from: 2027-04-12
              to: 2027-07-21
              holiday_after: Summer holiday
          closures:
            - from: 2026-10-26
              to: 2026-10-30
              reason: October half term
            - from: 2027-02-15
              to: 2027-02-19
              reason: February half term
            - on: 2027-05-03
              reason: Early May bank holiday
            - from: 2027-05-31
              to: 2027-06-04
              reason: May half term (Spring bank holiday on Monday)

        services:
          EP:
            name: Educational psychology
            threshold: 30              # the score needed to join the waiting list
            apdr_cycles: 2             # assess-plan-do-review cycles the school must have completed
                                       # (always waived for an EHC needs assessment)
            target_weeks:              # target wait per band, in weeks
              urgent: 4
              high: 8
              routine: 16
            default_pathway: assessment
            pathways:
              assessment:              # one 180-minute assessment session
                sessions: 1
                minutes: 180
              consultation:
                sessions: 1
                minutes: 60

          SALT:
            name: Speech and language therapy
            threshold: 25
            apdr_cycles: 1
            target_weeks:
              urgent: 4
              high: 10
              routine: 18
            default_pathway: therapy_block
            pathways:
              therapy_block:           # six weekly 30-minute sessions with the same therapist
                sessions: 6
                minutes: 30
                every_weeks: 1
                same_specialist: true
                # Keep the pupil's slot from week to week, so the school need not move lessons:
                # required (never moved: a week that cannot hold it skips the session), preferred
                # (kept wherever the week has room, else another day or time that week) or no.
                same_weekday: preferred
                same_time: preferred
                same_time_within_minutes: 30   # "the same time" means within this many minutes
              assessment:
                sessions: 1
                minutes: 60

          COUNSELLING:
            name: School counselling
            threshold: 25
            apdr_cycles: 1
            target_weeks:
              urgent: 2
              high: 6
              routine: 12
            default_pathway: counselling
            pathways:
              counselling:             # six weekly 50-minute sessions, same counsellor, same weekday and time
                sessions: 6
                minutes: 50
                every_weeks: 1
                same_specialist: true
                same_weekday: preferred        # required, preferred or no (see SALT above)
                same_time: preferred
                same_time_within_minutes: 30

        """
}
