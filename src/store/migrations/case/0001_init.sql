-- Case file, schema version 1: the case header, the audit chain and the
-- handover stamp. Never edit this file once released; add 0002_….sql.

CREATE TABLE case_header (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    case_id               TEXT NOT NULL,
    number                TEXT NOT NULL,
    title                 TEXT NOT NULL,
    opened_on             TEXT NOT NULL,          -- YYYY-MM-DD
    assigned_investigator TEXT NOT NULL,
    agency_reports        TEXT NOT NULL,          -- JSON array of {agency, number}
    status                TEXT NOT NULL,
    created_at            TEXT NOT NULL,          -- RFC 3339, UTC
    updated_at            TEXT NOT NULL
) STRICT;

-- Append-only hash chain: hash = SHA-256(canonical event JSON || previous hash).
CREATE TABLE audit_event (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    change_hash TEXT NOT NULL,
    detail      TEXT NOT NULL,                    -- JSON, never case content
    hash        TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;

-- Present only in files made by `seal`: how the file was handed over.
CREATE TABLE handover (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    mode      TEXT NOT NULL,                      -- 'transfer' | 'review'
    sealed_at TEXT NOT NULL,
    sealed_by TEXT NOT NULL
) STRICT;
