-- Schema version 10, both backends (issue 14): a council sitting's minutes name when it began
-- and ended and who took them down. Times are "hh:mm" text (24-hour clock; the sitting's
-- date is held_on); both NULL for sittings recorded before this step. The secretary is a
-- member marked so (council_members.secretary, at most one per sitting, checked by
-- CouncilRepository::save) or, when the secretary is not a member, a name in
-- council_sessions.secretary — never both.
-- Statements are separated by a semicolon at the end of a line.
ALTER TABLE council_sessions ADD COLUMN start_time TEXT
    CHECK (start_time IS NULL OR (length(start_time) = 5 AND start_time BETWEEN '00:00' AND '23:59'));
ALTER TABLE council_sessions ADD COLUMN end_time TEXT
    CHECK (end_time IS NULL OR (length(end_time) = 5 AND end_time BETWEEN '00:00' AND '23:59'
                                AND (start_time IS NULL OR end_time > start_time)));
ALTER TABLE council_sessions ADD COLUMN secretary TEXT;
ALTER TABLE council_members ADD COLUMN secretary INTEGER NOT NULL DEFAULT 0 CHECK (secretary IN (0, 1));
