-- Case file, schema version 4: the evidence register. Exhibits, the bytes of
-- digital exhibits (in chunks, encrypted with the rest of the file), links to
-- incidents and people, and the chain of custody. Never edit this file once
-- released.

CREATE TABLE exhibit (
    id             TEXT PRIMARY KEY,
    number         TEXT NOT NULL UNIQUE,   -- agency format, e.g. 2026-0042-E001
    seq            INTEGER NOT NULL,       -- the n used for automatic numbers
    description    TEXT NOT NULL,
    kind           TEXT NOT NULL,
    source         TEXT NOT NULL,
    source_detail  TEXT NOT NULL,          -- which agency, witness, provider…
    legal_id       TEXT REFERENCES legal_process(id),
    collected_by   TEXT NOT NULL,
    collected_text TEXT NOT NULL,          -- the time as said ('' = not given)
    collected_from TEXT,                   -- parsed window, UTC
    collected_to   TEXT,
    precision      TEXT,
    tz             TEXT,
    collected_display TEXT,
    collected_where TEXT NOT NULL,
    stored_at      TEXT NOT NULL,          -- storage location of physical items
    physical       INTEGER NOT NULL,
    derived_from   TEXT REFERENCES exhibit(id),
    derivation     TEXT NOT NULL,          -- what was done to the original
    checklist      TEXT NOT NULL,          -- JSON {senderVisible, timeVisible, originalKept, device}
    notes          TEXT NOT NULL,
    -- The attached file, if any: its own name, size, type, times and hash.
    file_name      TEXT,
    file_size      INTEGER,
    media_type     TEXT,
    sha256         TEXT,
    file_modified  TEXT,
    chunk_size     INTEGER,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX exhibit_seq ON exhibit(seq);

-- The attached file's bytes. Never part of an audit state hash (too large):
-- `verify` hashes them against exhibit.sha256 instead.
CREATE TABLE exhibit_chunk (
    exhibit_id TEXT NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE,
    n          INTEGER NOT NULL,
    data       BLOB NOT NULL
) STRICT;
CREATE UNIQUE INDEX exhibit_chunk_n ON exhibit_chunk(exhibit_id, n);

CREATE TABLE exhibit_incident (
    exhibit_id  TEXT NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE,
    incident_id TEXT NOT NULL REFERENCES incident(id),
    PRIMARY KEY (exhibit_id, incident_id)
) STRICT;
CREATE INDEX exhibit_incident_incident ON exhibit_incident(incident_id);

CREATE TABLE exhibit_person (
    exhibit_id TEXT NOT NULL REFERENCES exhibit(id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES person(id),
    PRIMARY KEY (exhibit_id, person_id)
) STRICT;
CREATE INDEX exhibit_person_person ON exhibit_person(person_id);

-- Chain of custody: append-only. A correction is a new event naming the one
-- it corrects. Only an exhibit's intake may go, and only with the exhibit.
CREATE TABLE custody_event (
    id           TEXT PRIMARY KEY,
    exhibit_id   TEXT NOT NULL REFERENCES exhibit(id),
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    at           TEXT NOT NULL,            -- when it happened, RFC 3339 UTC
    recorded_at  TEXT NOT NULL,
    by_whom      TEXT NOT NULL,
    from_party   TEXT NOT NULL,
    to_party     TEXT NOT NULL,
    place        TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    authority    TEXT NOT NULL,
    hash_check   TEXT,                     -- 'matched' | 'mismatch' for digital items
    hash_seen    TEXT,
    corrects     TEXT REFERENCES custody_event(id),
    note         TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX custody_event_seq ON custody_event(exhibit_id, seq);

CREATE TRIGGER custody_event_no_update BEFORE UPDATE ON custody_event
BEGIN SELECT RAISE(ABORT, 'custody events are append-only'); END;
CREATE TRIGGER custody_event_no_delete BEFORE DELETE ON custody_event
WHEN OLD.kind <> 'intake'
BEGIN SELECT RAISE(ABORT, 'custody events are append-only'); END;
