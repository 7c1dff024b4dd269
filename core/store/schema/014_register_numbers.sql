-- Schema version 14, both backends (issue 16): numbers a person can say. Every dossier and
-- council sitting gets a register number per year — "HS 12/2025", "Phiên 3/2026" — so that
-- no screen, printout, file name or CLI text shows the internal ext_key (a UUID). A decision
-- already has its own (decisions.number / register_no).
-- register_year is the record's year (the season it belongs to: dossiers.year,
-- council_sessions.year), fixed when the number is given: a later correction of the year
-- keeps the number, as a paper register would.
-- The columns are NULL only for rows written around the repositories (nothing in the program
-- does); the unique indexes treat NULLs as distinct on both backends.
-- Statements are separated by a semicolon at the end of a line.
ALTER TABLE dossiers ADD COLUMN register_year INTEGER;
ALTER TABLE dossiers ADD COLUMN register_seq INTEGER CHECK (register_seq IS NULL OR register_seq > 0);
ALTER TABLE council_sessions ADD COLUMN register_year INTEGER;
ALTER TABLE council_sessions ADD COLUMN register_seq INTEGER CHECK (register_seq IS NULL OR register_seq > 0);

-- The existing rows, numbered in creation order within each year (a sitting has no creation
-- time: its row id is the order it was recorded in). UPDATE … FROM: SQLite 3.33+, PostgreSQL.
UPDATE dossiers SET register_year = r.year, register_seq = r.seq
FROM (SELECT id, year, ROW_NUMBER() OVER (PARTITION BY year ORDER BY created_at, id) AS seq FROM dossiers) r
WHERE r.id = dossiers.id;
UPDATE council_sessions SET register_year = r.year, register_seq = r.seq
FROM (SELECT id, year, ROW_NUMBER() OVER (PARTITION BY year ORDER BY id) AS seq FROM council_sessions) r
WHERE r.id = council_sessions.id;

CREATE UNIQUE INDEX dossiers_register ON dossiers (register_year, register_seq);
CREATE UNIQUE INDEX council_sessions_register ON council_sessions (register_year, register_seq);

-- The last number given per register ('dossier', 'sitting') and year. Numbers are taken from
-- here, not as MAX+1 of the records: a deleted draft's number is never given to another
-- dossier (the audit log and printed papers may still name it), and on PostgreSQL the
-- UPDATE's row lock makes concurrent creations wait for each other instead of colliding.
CREATE TABLE register_counters (
    book TEXT NOT NULL CHECK (book IN ('dossier', 'sitting')),
    year INTEGER NOT NULL,
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
    PRIMARY KEY (book, year)
);
INSERT INTO register_counters (book, year, last_seq)
SELECT 'dossier', register_year, max(register_seq) FROM dossiers WHERE register_year IS NOT NULL GROUP BY register_year;
INSERT INTO register_counters (book, year, last_seq)
SELECT 'sitting', register_year, max(register_seq) FROM council_sessions WHERE register_year IS NOT NULL GROUP BY register_year;
