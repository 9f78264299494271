/// The OpenAPI 3.1 document served at `/v1/openapi.yaml` (the same text as `openapi.yaml`
/// beside this file; a test keeps them identical and checks that it parses).
enum OpenAPIDocument {
    static let yaml = """
openapi: 3.1.0
info:
  title: Caseload API
  version: 1.0.0
  description: >
    Referrals, waiting lists and weekly timetables for a multi-academy trust's educational
    psychologists, speech and language therapists and counsellors. Every request but
    GET /health needs `Authorization: Bearer <token>`. A SENCO's token sees only its own
    school (another school's referral is a 404); a specialist reads their own timetable;
    a leader reads everything and changes settings and schedules. Errors are
    application/problem+json (RFC 9457) with the field at fault.
servers:
  - url: /
security:
  - bearer: []
paths:
  /health:
    get:
      summary: Liveness
      security: []
      responses:
        "200": {description: Up, content: {application/json: {schema: {$ref: "#/components/schemas/Health"}}}}
  /metrics:
    get:
      summary: Prometheus metrics (request counts and latencies, waiting-list lengths)
      responses:
        "200": {description: Metrics, content: {text/plain: {schema: {type: string}}}}
        "401": {$ref: "#/components/responses/Problem"}
  /v1/openapi.yaml:
    get:
      summary: This document
      responses:
        "200": {description: The OpenAPI document, content: {application/yaml: {schema: {type: object}}}}
        "401": {$ref: "#/components/responses/Problem"}
  /v1/referrals:
    post:
      summary: Submit a referral (accepted onto the waiting list or declined with reasons)
      requestBody:
        required: true
        content: {application/json: {schema: {$ref: "#/components/schemas/ReferralRequest"}}}
      responses:
        "201": {description: Stored with its decision, content: {application/json: {schema: {$ref: "#/components/schemas/Referral"}}}}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
    get:
      summary: List referrals (a SENCO sees their own school's)
      parameters:
        - {name: school, in: query, schema: {type: string}}
        - {name: service, in: query, schema: {type: string}}
        - {name: status, in: query, schema: {type: string, enum: [waiting, declined, active, on_hold, withdrawn, completed]}}
      responses:
        "200": {description: Referrals, content: {application/json: {schema: {$ref: "#/components/schemas/ReferralList"}}}}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
  /v1/referrals/{id}:
    get:
      summary: Read a referral
      parameters: [{$ref: "#/components/parameters/ReferralId"}]
      responses:
        "200": {description: The referral, content: {application/json: {schema: {$ref: "#/components/schemas/Referral"}}}}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
  /v1/referrals/{id}/withdraw:
    post:
      summary: Withdraw a referral
      parameters: [{$ref: "#/components/parameters/ReferralId"}]
      requestBody: {$ref: "#/components/requestBodies/Note"}
      responses:
        "200": {description: The referral after the change, content: {application/json: {schema: {$ref: "#/components/schemas/Referral"}}}}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
  /v1/referrals/{id}/hold:
    post:
      summary: Put a referral on hold
      parameters: [{$ref: "#/components/parameters/ReferralId"}]
      requestBody: {$ref: "#/components/requestBodies/Note"}
      responses:
        "200": {description: The referral after the change, content: {application/json: {schema: {$ref: "#/components/schemas/Referral"}}}}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
  /v1/referrals/{id}/reopen:
    post:
      summary: Put a held or withdrawn referral back on the list
      parameters: [{$ref: "#/components/parameters/ReferralId"}]
      requestBody: {$ref: "#/components/requestBodies/Note"}
      responses:
        "200": {description: The referral after the change, content: {application/json: {schema: {$ref: "#/components/schemas/Referral"}}}}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
  /v1/waitlist:
    get:
      summary: The waiting list in current priority order (a SENCO sees their school's places)
      parameters:
        - {name: school, in: query, schema: {type: string}}
        - {name: service, in: query, schema: {type: string}}
      responses:
        "200": {description: Places, content: {application/json: {schema: {$ref: "#/components/schemas/WaitingList"}}}}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
  /v1/timetables/{week}:
    get:
      summary: A week's timetable, per specialist or school, as JSON, CSV or iCalendar
      parameters:
        - {$ref: "#/components/parameters/Week"}
        - {name: specialist, in: query, schema: {type: string}}
        - {name: school, in: query, schema: {type: string}}
        - {name: format, in: query, schema: {type: string, enum: [json, csv, ics]}}
      responses:
        "200":
          description: The timetable
          content:
            application/json: {schema: {$ref: "#/components/schemas/Timetable"}}
            text/csv: {schema: {type: string}}
            text/calendar: {schema: {type: string}}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
    post:
      summary: Generate (or with replan=true re-plan) the week (leaders)
      parameters:
        - {$ref: "#/components/parameters/Week"}
        - {name: replan, in: query, schema: {type: string, enum: ["true", "false"]}}
      responses:
        "200": {description: Planned, content: {application/json: {schema: {$ref: "#/components/schemas/Schedule"}}}}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
  /v1/timetables/{week}/publish:
    post:
      summary: Publish the week (leaders)
      parameters: [{$ref: "#/components/parameters/Week"}]
      responses:
        "200": {description: Published, content: {application/json: {schema: {$ref: "#/components/schemas/Published"}}}}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "404": {$ref: "#/components/responses/Problem"}
        "409": {$ref: "#/components/responses/Problem"}
  /v1/simulations:
    post:
      summary: Simulate a term under other settings against the current ones (leaders); the database is not changed
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                weeks: {type: integer, minimum: 1, maximum: 26}
                seed: {type: integer, minimum: 0, maximum: 2147483647}
                absence: {type: number, minimum: 0, maximum: 0.9}
                arrival_rate: {type: number, minimum: 0, maximum: 50, description: Referrals per school and service per week; absent for the historical rate}
                alt_config: {type: string, description: The alternative Config/trust.yaml}
      responses:
        "200":
          description: Figures per week and the HTML report
          content:
            application/json:
              schema:
                type: object
                required: [summary, weeks, html]
                properties:
                  summary: {type: array, items: {type: string}}
                  weeks: {type: array, items: {type: object}}
                  html: {type: string}
        "400": {$ref: "#/components/responses/Problem"}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
  /v1/config:
    get:
      summary: The trust's settings as YAML (leaders)
      responses:
        "200": {description: Settings, content: {application/yaml: {schema: {type: object}}}}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
    put:
      summary: Replace the trust's settings (leaders); validated as `caseload config check`, rejected whole if anything is wrong
      requestBody:
        required: true
        content: {application/yaml: {schema: {type: object, description: The whole of Config/trust.yaml}}}
      responses:
        "200": {description: Updated, content: {text/plain: {schema: {type: string}}}}
        "401": {$ref: "#/components/responses/Problem"}
        "403": {$ref: "#/components/responses/Problem"}
        "413": {$ref: "#/components/responses/Problem"}
        "422": {$ref: "#/components/responses/Problem"}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
  parameters:
    ReferralId: {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
    Week: {name: week, in: path, required: true, description: The Monday of the week, schema: {type: string, format: date}}
  requestBodies:
    Note:
      required: false
      content: {application/json: {schema: {type: object, properties: {note: {type: string, maxLength: 500}}}}}
  responses:
    Problem:
      description: An RFC 9457 problem
      content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}
  schemas:
    Problem:
      type: object
      required: [type, title, status, detail]
      properties:
        type: {type: string}
        title: {type: string}
        status: {type: integer}
        detail: {type: string}
        instance: {type: string}
        field: {type: string}
    Health:
      type: object
      required: [status, database]
      properties: {status: {type: string}, database: {type: string}}
    ReferralRequest:
      type: object
      required: [pupil_ref, year_group, service, area, severity, consent]
      properties:
        school: {type: string, description: The school's URN (a SENCO's token sets its own)}
        pupil_ref: {type: string, description: "The school's own pupil reference, never a name"}
        year_group: {type: integer, minimum: 0, maximum: 14}
        service: {type: string}
        pathway: {type: string}
        area: {type: string, enum: [communication_interaction, cognition_learning, semh, sensory_physical]}
        severity: {type: integer, minimum: 1, maximum: 5}
        flags: {type: array, items: {type: string, enum: [ehc_plan, ehc_needs_assessment, exclusion_risk, looked_after, safeguarding]}}
        apdr_cycles: {type: integer, minimum: 0, maximum: 20}
        consent: {type: boolean}
        preferred_days: {type: array, items: {type: string, enum: [mon, tue, wed, thu, fri]}}
        reason: {type: string, maxLength: 500}
        received_on: {type: string, format: date}
    Referral:
      type: object
      required: [id, school, pupil_ref, year_group, service, pathway, area, severity, flags, apdr_cycles, consent, preferred_days, reason, received_on, status, score, band, decision, decline_reasons]
      properties:
        id: {type: integer}
        school: {type: string}
        pupil_ref: {type: string}
        year_group: {type: integer}
        service: {type: string}
        pathway: {type: string}
        area: {type: string}
        severity: {type: integer}
        flags: {type: array, items: {type: string}}
        apdr_cycles: {type: integer}
        consent: {type: boolean}
        preferred_days: {type: array, items: {type: string}}
        reason: {type: string}
        received_on: {type: string, format: date}
        status: {type: string, enum: [waiting, declined, active, on_hold, withdrawn, completed]}
        score: {type: integer}
        band: {type: string}
        decision: {type: string, enum: [accepted, declined]}
        decline_reasons: {type: array, items: {type: string}}
        waiting: {$ref: "#/components/schemas/WaitingPlace"}
    ReferralList:
      type: object
      required: [items]
      properties: {items: {type: array, items: {$ref: "#/components/schemas/Referral"}}}
    WaitingPlace:
      type: object
      required: [referral, school, pupil_ref, service, band, position, priority, weeks_waited, breached]
      properties:
        referral: {type: integer}
        school: {type: string}
        pupil_ref: {type: string}
        service: {type: string}
        band: {type: string}
        position: {type: integer}
        priority: {type: integer}
        weeks_waited: {type: integer}
        target_weeks: {type: [integer, "null"]}
        breached: {type: boolean}
        statutory_deadline: {type: [string, "null"], format: date}
        estimated_first_week: {type: [string, "null"], format: date}
    WaitingList:
      type: object
      required: [items]
      properties: {items: {type: array, items: {$ref: "#/components/schemas/WaitingPlace"}}}
    Timetable:
      type: object
      required: [items]
      properties:
        items:
          type: array
          items:
            type: object
            properties:
              specialist: {type: string}
              date: {type: string, format: date}
              day: {type: string}
              start: {type: string}
              end: {type: string}
              school: {type: string}
              school_name: {type: string}
              referral: {type: integer}
              pupil_ref: {type: string}
              service: {type: string}
              pathway: {type: string}
              session: {type: integer}
              outcome: {type: [string, "null"], enum: [delivered, school_cancelled, pupil_absent, specialist_absent, null]}
    Schedule:
      type: object
      required: [week, status, bookings, unbooked, travel_minutes, moved]
      properties:
        week: {type: string, format: date}
        status: {type: string, enum: [draft, published]}
        bookings: {type: integer}
        unbooked: {type: integer}
        travel_minutes: {type: integer}
        moved: {type: integer}
    Published:
      type: object
      required: [week, series_started]
      properties: {week: {type: string, format: date}, series_started: {type: integer}}

"""
}
