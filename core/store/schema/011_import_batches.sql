-- Schema version 11: a bulk import (a staff or unit list, an interchange file) writes one
-- audit entry for its batch instead of one per new row (issue 15 item 6). The entry is the
-- audited INSERT of the batch's row here, so it joins the hash chain like any other; the
-- trigger changes (vd_bulk() in SQLite's INSERT audit triggers, vinhdanh.bulk in PostgreSQL's
-- vd_audit) and this table's guard are made by core/db/migrations.cpp.
-- Statements are separated by a semicolon at the end of a line.

-- One row per committed bulk import; rows refuse UPDATE and DELETE (guard_import_batches_*).
-- source: people-table | units-table | interchange. file_sha256: lower-case hex of the file
-- as read. counts: JSON {"people": {"added": 9800, "changed": 200}, …}, what the database
-- itself counted while the batch ran.
CREATE TABLE import_batches (
    id {{ID}},
    at TEXT NOT NULL,
    actor TEXT,
    source TEXT NOT NULL,
    file_name TEXT,
    file_sha256 TEXT,
    row_count INTEGER NOT NULL DEFAULT 0,
    counts TEXT NOT NULL
);
