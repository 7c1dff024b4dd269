-- Schema version 6: the rules under control, audited exports, a complete and tamper-evident
-- audit log (issue 12). The triggers (audit for office_settings, rule_sets, award_forms,
-- dossier_events and audit_exports; the hash chain) are dialect-specific and are created by
-- core/db/migrations.cpp after this script; this file holds only portable DDL.
-- Statements are separated by a semicolon at the end of a line.

-- Who imported a rule set, the SHA-256 of the file as read, and when it was retired
-- (ISO UTC; NULL while in use). Only administrators import, replace or retire rule sets.
ALTER TABLE rule_sets ADD COLUMN source_sha256 TEXT;
ALTER TABLE rule_sets ADD COLUMN imported_by TEXT;
ALTER TABLE rule_sets ADD COLUMN retired_at TEXT;

-- One row per export of the audit log; unmasked = 1 when an administrator asked for the
-- CCCD numbers and birth dates in clear. The table is itself audited.
CREATE TABLE audit_exports (
    id {{ID}},
    at TEXT NOT NULL,
    actor TEXT,
    format TEXT NOT NULL,
    unmasked INTEGER NOT NULL DEFAULT 0 CHECK (unmasked IN (0, 1)),
    row_count INTEGER NOT NULL DEFAULT 0
);

-- The hash chain: row_hash = SHA-256 (lower-case hex) over the previous row's row_hash and
-- this row's fields (core/audit/auditchain.h gives the encoding). Filled for the rows
-- already there by the migration step, which lifts and restores the audit_log guard.
ALTER TABLE audit_log ADD COLUMN row_hash TEXT;
