-- Schema version 7: a unit's bình xét minutes (biên bản họp bình xét thi đua) and the
-- confirmations that hold for every award form of a year (issue 13 item 6).
-- One row per meeting; review_minutes_subjects lists the people and units it names. The
-- clerk confirms from it, in one step, the qualitative items of every nominee it lists.
-- The change to eligibility_confirmations (form_code NULL = "every form of the year", the
-- minutes a row came from) is dialect-specific and made by core/db/migrations.cpp after
-- this script. Statements are separated by a semicolon at the end of a line.
CREATE TABLE review_minutes (
    id {{ID}},
    ext_key TEXT NOT NULL UNIQUE CHECK (ext_key <> ''),
    unit_id BIGINT NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    year INTEGER NOT NULL CHECK (year BETWEEN 1945 AND 2200),
    -- The meeting's date (ISO), its number (may be empty) and who attended, as written.
    held_on TEXT NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    attendees TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT,
    recorded_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX review_minutes_unit ON review_minutes (unit_id, year);
CREATE INDEX review_minutes_year ON review_minutes (year);
CREATE TABLE review_minutes_subjects (
    id {{ID}},
    minutes_id BIGINT NOT NULL REFERENCES review_minutes (id) ON DELETE CASCADE,
    person_id BIGINT REFERENCES people (id) ON DELETE CASCADE,
    unit_id BIGINT REFERENCES units (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    CHECK ((person_id IS NULL) <> (unit_id IS NULL))
);
CREATE UNIQUE INDEX review_minutes_subjects_key ON review_minutes_subjects
    (minutes_id, COALESCE(person_id, 0), COALESCE(unit_id, 0));
CREATE INDEX review_minutes_subjects_person ON review_minutes_subjects (person_id);
CREATE INDEX review_minutes_subjects_unit ON review_minutes_subjects (unit_id);
