-- Workspace database, schema version 1. Never edit this file once released.

CREATE TABLE profile (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL,
    badge      TEXT NOT NULL,
    unit       TEXT NOT NULL,
    agency     TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- One row per case file: its key wrapped under the workspace key, and the
-- last audit-chain head this workspace saw, to detect rolled-back files.
CREATE TABLE case_registry (
    case_id       TEXT PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    file_name     TEXT NOT NULL UNIQUE,
    key_nonce     BLOB NOT NULL,
    wrapped_key   BLOB NOT NULL,
    title         TEXT NOT NULL,
    status        TEXT NOT NULL,
    read_only     INTEGER NOT NULL DEFAULT 0,
    chain_seq     INTEGER NOT NULL,
    chain_head    TEXT NOT NULL,
    last_activity TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;
