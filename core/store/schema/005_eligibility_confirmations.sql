-- Schema version 5: the clerk's confirmations on the eligibility page (issue 3 item 2).
-- A condition the engine cannot read from the registry (a judgement, a standard the legal
-- notes leave unconfirmed, a movement's own standard) is met once a clerk confirms it with an
-- evidence note. One row per nominee, award form, year, movement and item; un-ticking keeps
-- the row (confirmed = 0) with its note, and the audit log keeps every change.
-- movement_id is set for a movement's own standards (item ids "movement-G-I") only: the
-- rule's own conditions are facts of the nominee and year, whatever movement is viewed.
-- Statements are separated by a semicolon at the end of a line.
CREATE TABLE eligibility_confirmations (
    id {{ID}},
    person_id BIGINT REFERENCES people (id) ON DELETE CASCADE,
    unit_id BIGINT REFERENCES units (id) ON DELETE CASCADE,
    form_code TEXT NOT NULL REFERENCES award_forms (code),
    year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
    movement_id BIGINT REFERENCES movements (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL CHECK (item_id <> ''),
    confirmed INTEGER NOT NULL DEFAULT 1 CHECK (confirmed IN (0, 1)),
    evidence TEXT NOT NULL DEFAULT '',
    -- The account (or "os:<login>") that last ticked or un-ticked it, and when (ISO UTC).
    confirmed_by TEXT,
    confirmed_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((person_id IS NULL) <> (unit_id IS NULL)),
    -- A tick without evidence is no confirmation.
    CHECK (confirmed = 0 OR evidence <> '')
);
-- NULLs are distinct in a UNIQUE constraint on both backends, so the key folds them to 0.
CREATE UNIQUE INDEX eligibility_confirmations_key ON eligibility_confirmations
    (COALESCE(person_id, 0), COALESCE(unit_id, 0), form_code, year, COALESCE(movement_id, 0), item_id);
CREATE INDEX eligibility_confirmations_person ON eligibility_confirmations (person_id, year);
CREATE INDEX eligibility_confirmations_unit ON eligibility_confirmations (unit_id, year);
CREATE INDEX eligibility_confirmations_year ON eligibility_confirmations (year, movement_id);
