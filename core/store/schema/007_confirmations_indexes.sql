-- Schema version 7, both backends: the confirmations' key (form_code may be NULL now) and
-- the minutes a row came from. NULLs are distinct in a UNIQUE constraint, so the key folds them.
-- Statements are separated by a semicolon at the end of a line.
CREATE UNIQUE INDEX eligibility_confirmations_key ON eligibility_confirmations
    (COALESCE(person_id, 0), COALESCE(unit_id, 0), COALESCE(form_code, ''), year, COALESCE(movement_id, 0), item_id);
CREATE INDEX eligibility_confirmations_minutes ON eligibility_confirmations (minutes_id);
