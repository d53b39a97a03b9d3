-- Case file, schema version 2: people with their identifiers, incidents,
-- their witnesses and tags. Never edit this file once released.

CREATE TABLE person (
    id           TEXT PRIMARY KEY,
    role         TEXT NOT NULL,
    name         TEXT NOT NULL,
    relationship TEXT NOT NULL,
    notes        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE identifier (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    value        TEXT NOT NULL,
    label        TEXT NOT NULL,
    confidential INTEGER NOT NULL
) STRICT;
CREATE INDEX identifier_person ON identifier(person_id, position);

CREATE TABLE incident (
    id               TEXT PRIMARY KEY,
    occurred_text    TEXT NOT NULL,
    occurred_from    TEXT NOT NULL,   -- UTC, RFC 3339
    occurred_to      TEXT,
    precision        TEXT NOT NULL,
    tz               TEXT NOT NULL,
    occurred_display TEXT NOT NULL,
    discovered_text  TEXT NOT NULL,
    reported_text    TEXT NOT NULL,
    category         TEXT NOT NULL,
    grp              TEXT NOT NULL,
    method           TEXT NOT NULL,
    location_text    TEXT NOT NULL,
    place_type       TEXT NOT NULL,
    jurisdiction     TEXT NOT NULL,
    narrative        TEXT NOT NULL,
    suspect_words    TEXT NOT NULL,
    weapons          TEXT NOT NULL,
    children_present INTEGER,
    suspect_id       TEXT REFERENCES person(id),
    attribution      TEXT NOT NULL,
    fear_level       TEXT NOT NULL,
    victim_words     TEXT NOT NULL,
    victim_changes   TEXT NOT NULL,
    reported_to      TEXT,            -- JSON {agency, officer, badge, reportNumber}
    source           TEXT NOT NULL,
    source_sha256    TEXT,
    source_line      INTEGER,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX incident_when ON incident(occurred_from);
CREATE INDEX incident_group ON incident(grp, occurred_from);
CREATE INDEX incident_suspect ON incident(suspect_id);

CREATE TABLE incident_witness (
    incident_id TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES person(id),
    PRIMARY KEY (incident_id, person_id)
) STRICT;
CREATE INDEX incident_witness_person ON incident_witness(person_id);

CREATE TABLE incident_tag (
    incident_id TEXT NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (incident_id, tag)
) STRICT;
CREATE INDEX incident_tag_tag ON incident_tag(tag);

-- Verification looks up the latest event of each record.
CREATE INDEX audit_event_entity ON audit_event(entity, entity_id, seq);
