-- Case file, schema version 3: the protocol the case follows and its
-- answers, risk assessments, status history, protective orders, legal
-- process and the management plan. Never edit this file once released.

-- The protocol definition is copied into the case when it starts following
-- it, so a newer protocol never changes what this case was asked.
CREATE TABLE case_protocol (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    protocol_id TEXT NOT NULL,
    version     INTEGER NOT NULL,
    definition  TEXT NOT NULL,
    started_at  TEXT NOT NULL
) STRICT;

CREATE TABLE protocol_answer (
    item_id     TEXT PRIMARY KEY,
    version     INTEGER NOT NULL,
    value       TEXT NOT NULL,
    vals        TEXT NOT NULL,      -- JSON array of strings (choices, person or incident ids)
    note        TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    answered_by TEXT NOT NULL
) STRICT;

CREATE TABLE risk_assessment (
    id          TEXT PRIMARY KEY,
    assessed_on TEXT NOT NULL,
    assessor    TEXT NOT NULL,
    level       TEXT NOT NULL,
    reasons     TEXT NOT NULL,
    typology    TEXT,
    factors     TEXT NOT NULL,      -- JSON [{factorId, rating, source, date}]
    instruments TEXT NOT NULL,      -- JSON [{name, version, date, assessor, level}]
    next_review TEXT,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX risk_assessment_date ON risk_assessment(assessed_on);

CREATE TABLE status_change (
    id          TEXT PRIMARY KEY,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL
) STRICT;

CREATE TABLE protective_order (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    court      TEXT NOT NULL,
    issued_on  TEXT NOT NULL,
    served_on  TEXT,
    expires_on TEXT,
    terms      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE legal_process (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    provider    TEXT NOT NULL,
    reference   TEXT NOT NULL,
    sent_on     TEXT NOT NULL,
    expires_on  TEXT,
    returned_on TEXT,
    status      TEXT NOT NULL,
    notes       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE plan_item (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    owner      TEXT NOT NULL,
    start_on   TEXT NOT NULL,
    due_on     TEXT,
    status     TEXT NOT NULL,
    outcome    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
