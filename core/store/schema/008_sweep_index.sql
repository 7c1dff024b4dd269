-- Schema version 8, both backends: the candidates sweep reads every award of a few forms in a
-- few years with its owner and kind (core/eligibility/history.cpp, loadForSweep). With these
-- columns in the index it never visits the table: on a province (a million awards) that read
-- 663 MiB of the file and took a third of the sweep. The old (form_code, year) index is its prefix.
-- Statements are separated by a semicolon at the end of a line.
DROP INDEX awards_form_year;
CREATE INDEX awards_form_year_owner ON awards (form_code, year, person_id, unit_id, kind);
