-- Schema version 2: accounts, the audit log and record versions.
-- The triggers that write the audit log and guard it are dialect-specific and are created by
-- core/audit/auditschema.cpp after this script; this file holds only portable DDL.
-- Statements are separated by a semicolon at the end of a line.

-- Accounts are optional per database: a file with no row here runs without login.
-- password_hash is libsodium's crypto_pwhash_str (argon2id) text; it never leaves core and
-- is left out of the audit log.
CREATE TABLE accounts (
    id {{ID}},
    username TEXT NOT NULL UNIQUE CHECK (username <> ''),
    full_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('clerk', 'appraiser', 'council_secretary', 'leader', 'admin')),
    -- A clerk sees and edits this unit's subtree only; NULL for the other roles.
    unit_id BIGINT REFERENCES units (id),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    -- ISO UTC timestamps ('YYYY-MM-DDTHH:MM:SS.sssZ'), text on both backends like the dates.
    locked_until TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_login_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (role <> 'clerk' OR unit_id IS NOT NULL)
);
CREATE INDEX accounts_unit ON accounts (unit_id);

-- One row per inserted, updated or deleted row of an audited table, written by a trigger in
-- the same transaction as the change (so a rolled-back change leaves no audit row).
-- Rows are never updated or deleted: guard triggers refuse both.
CREATE TABLE audit_log (
    id {{ID}},
    at TEXT NOT NULL,
    actor TEXT,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    table_name TEXT NOT NULL,
    record_id BIGINT,
    record_key TEXT,
    old_values TEXT,
    new_values TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_record ON audit_log (table_name, record_id);
CREATE INDEX audit_log_actor ON audit_log (actor, at);

-- Optimistic concurrency: every editable row carries a version that each UPDATE increments;
-- a save names the version it started from and changes nothing if the row has moved on.
ALTER TABLE blocs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE units ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE movements ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE ratings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE awards ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE initiatives ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE disciplines ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
