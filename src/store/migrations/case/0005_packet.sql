-- Case file, schema version 5: what the prosecutor's packet needs beyond
-- the records: the statutes the case is charged under (their definition
-- copied in, like the protocol), links from incidents and exhibits to the
-- kinds of element they prove, and the packet's own narrative fields.
-- Never edit this file once released.

CREATE TABLE case_statute (
    statute_id TEXT PRIMARY KEY,
    position   INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    definition TEXT NOT NULL,
    chosen_at  TEXT NOT NULL
) STRICT;

CREATE TABLE element_link (
    record_kind TEXT NOT NULL,             -- 'incident' | 'exhibit'
    record_id   TEXT NOT NULL,
    element     TEXT NOT NULL,             -- an element kind, e.g. 'fear'
    PRIMARY KEY (record_kind, record_id, element)
) STRICT;

CREATE TABLE packet_info (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    charges         TEXT NOT NULL,         -- charges sought
    custody         TEXT NOT NULL,         -- the suspect's custody status
    safety_alert    TEXT NOT NULL,
    summary         TEXT NOT NULL,
    relationship    TEXT NOT NULL,         -- relationship history
    recommendations TEXT NOT NULL,         -- release conditions, order terms
    updated_at      TEXT NOT NULL
) STRICT;
