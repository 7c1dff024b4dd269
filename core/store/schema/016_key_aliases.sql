-- Schema version 16, both backends (issue 16: no UUID on any screen, in CLI text or in a file
-- name). Units, people, emulation blocs and movements saved before short keys existed carry a
-- generated key ("person-3f2a…-…"); step 16 gives each a short one (CN000123, DV0007, KTD003,
-- PT004) in the code (core/repo/keyaliases.cpp), and keeps the old key here, so every look-up
-- by key (Lookup::idForKey, the CLI, the interchange importer) still finds the record and an
-- export written before the upgrade re-imports onto the same records instead of doubling them.
-- An alias names the record by its new key, not its id: a merged-away person keeps its key in
-- registry_merges and comes back under it when the merge is undone.
-- Statements are separated by a semicolon at the end of a line.
CREATE TABLE key_aliases (
    table_name TEXT NOT NULL CHECK (table_name IN ('blocs', 'units', 'people', 'movements')),
    old_key TEXT NOT NULL,
    new_key TEXT NOT NULL,
    PRIMARY KEY (table_name, old_key)
);
CREATE INDEX key_aliases_new ON key_aliases (table_name, new_key);
