-- Schema version 7 on PostgreSQL: see 007_confirmations_sqlite.sql (form_code NULL = every
-- award form of the year; minutes_id = the bình xét minutes a row was confirmed from).
-- Statements are separated by a semicolon at the end of a line.
ALTER TABLE eligibility_confirmations ALTER COLUMN form_code DROP NOT NULL;
ALTER TABLE eligibility_confirmations ADD COLUMN minutes_id BIGINT REFERENCES review_minutes (id) ON DELETE SET NULL;
DROP INDEX eligibility_confirmations_key;
