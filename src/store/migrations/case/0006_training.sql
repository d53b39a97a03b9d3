-- Case file, schema version 6: the training mark. Never edit this file once
-- released.
--
-- A case made in a training workspace carries one row here, written with its
-- header. It can never be changed or removed, so a training case can never
-- be relabelled real; a file without the row is a real case.
CREATE TABLE training_mark (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    scenario  TEXT NOT NULL,
    marked_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER training_mark_is_fixed BEFORE UPDATE ON training_mark
BEGIN
    SELECT RAISE(ABORT, 'a training case stays a training case');
END;

CREATE TRIGGER training_mark_is_kept BEFORE DELETE ON training_mark
BEGIN
    SELECT RAISE(ABORT, 'a training case stays a training case');
END;
