-- Schema version 7 on SQLite: eligibility_confirmations rebuilt, since SQLite cannot drop a
-- NOT NULL. form_code NULL now means "every award form of the year" (a fact about the nominee
-- and the year: not under review for discipline, solidarity, active emulation); minutes_id
-- names the bình xét minutes a row was confirmed from. The audit triggers go with the old
-- table (DROP TABLE fires none) and migrations.cpp installs them again on the new one.
-- Statements are separated by a semicolon at the end of a line.
CREATE TABLE eligibility_confirmations_v7 (
    id INTEGER PRIMARY KEY,
    person_id BIGINT REFERENCES people (id) ON DELETE CASCADE,
    unit_id BIGINT REFERENCES units (id) ON DELETE CASCADE,
    form_code TEXT REFERENCES award_forms (code),
    year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
    movement_id BIGINT REFERENCES movements (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL CHECK (item_id <> ''),
    confirmed INTEGER NOT NULL DEFAULT 1 CHECK (confirmed IN (0, 1)),
    evidence TEXT NOT NULL DEFAULT '',
    confirmed_by TEXT,
    confirmed_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    minutes_id BIGINT REFERENCES review_minutes (id) ON DELETE SET NULL,
    CHECK ((person_id IS NULL) <> (unit_id IS NULL)),
    CHECK (confirmed = 0 OR evidence <> '')
);
INSERT INTO eligibility_confirmations_v7 (id, person_id, unit_id, form_code, year, movement_id, item_id, confirmed, evidence,
    confirmed_by, confirmed_at, version)
    SELECT id, person_id, unit_id, form_code, year, movement_id, item_id, confirmed, evidence, confirmed_by, confirmed_at, version
    FROM eligibility_confirmations;
DROP TABLE eligibility_confirmations;
ALTER TABLE eligibility_confirmations_v7 RENAME TO eligibility_confirmations;
CREATE INDEX eligibility_confirmations_person ON eligibility_confirmations (person_id, year);
CREATE INDEX eligibility_confirmations_unit ON eligibility_confirmations (unit_id, year);
CREATE INDEX eligibility_confirmations_year ON eligibility_confirmations (year, movement_id);
