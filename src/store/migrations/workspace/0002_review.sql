-- Workspace database, schema version 2: supervisor review. Never edit this
-- file once released.

-- Investigators' certificates this workspace trusts, each added after the
-- supervisor confirmed its fingerprint by another channel.
CREATE TABLE trusted_signer (
    fingerprint TEXT PRIMARY KEY,
    subject     TEXT NOT NULL,
    name        TEXT NOT NULL,
    badge       TEXT NOT NULL,
    unit        TEXT NOT NULL,
    agency      TEXT NOT NULL,
    certificate BLOB NOT NULL,
    trusted_at  TEXT NOT NULL,
    trusted_by  TEXT NOT NULL
) STRICT;

-- The reviews this workspace signed: the register of decisions.
CREATE TABLE review (
    id            TEXT PRIMARY KEY,
    packet_sha256 TEXT NOT NULL,
    case_id       TEXT NOT NULL,
    case_number   TEXT NOT NULL,
    decision      TEXT NOT NULL,
    decided_at    TEXT NOT NULL,
    packet_signer TEXT NOT NULL,
    file          TEXT NOT NULL
) STRICT;
CREATE INDEX review_case ON review (case_id, decided_at);

-- Minutes of the unit's case reviews, with the actions agreed.
CREATE TABLE review_minute (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL,
    case_number TEXT NOT NULL,
    at          TEXT NOT NULL,
    by          TEXT NOT NULL,
    text        TEXT NOT NULL,
    actions     TEXT NOT NULL
) STRICT;
CREATE INDEX review_minute_case ON review_minute (case_id, at);
