-- Schema version 12, both backends (issue 15 item 5): merges of duplicate people and units,
-- so each can be undone. A merge moves every row of the dropped record to the kept one and
-- deletes the dropped record; this row says which rows moved (ids only, JSON
-- {"table.column": [ids]}), which rows of the dropped record were set aside because the kept
-- one already had their like (a rating of the same year: {"table": [ids]}), and which empty
-- fields of the kept record were filled from the dropped one (JSON list of column names).
-- The deleted rows themselves (the dropped person or unit and the rows set aside) are not
-- copied here: the audit log's delete entries hold them, and an undo restores them from
-- there, so no CCCD or birth date is written twice. No foreign keys: the dropped record is
-- gone while the merge stands, and the kept one may be deleted later (the undo then refuses).
-- Statements are separated by a semicolon at the end of a line.
CREATE TABLE registry_merges (
    id {{ID}},
    kind TEXT NOT NULL CHECK (kind IN ('person', 'unit')),
    kept_id BIGINT NOT NULL,
    kept_key TEXT NOT NULL,
    dropped_id BIGINT NOT NULL,
    dropped_key TEXT NOT NULL,
    dropped_name TEXT NOT NULL,
    moved TEXT NOT NULL,
    set_aside TEXT NOT NULL,
    filled TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    merged_by TEXT,
    undone_at TEXT,
    undone_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (kept_id <> dropped_id)
);
CREATE INDEX registry_merges_kept ON registry_merges (kind, kept_id);
CREATE INDEX registry_merges_dropped ON registry_merges (kind, dropped_id);
