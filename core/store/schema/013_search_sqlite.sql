-- Step 13 (SQLite): the people and units lists are searched through FTS5 trigram indexes over
-- their folded search text (name and key, without case or diacritics), so a search for a rare
-- name reads a few index pages instead of every row, and its count too.
-- External-content tables: the text stays in people/units; these hold only the index, kept in
-- step by the triggers below. A trigger body's statements end with "; " on one line because the
-- migration runner splits the script at ";" + newline.
CREATE VIRTUAL TABLE people_search USING fts5(search_key, content='people', content_rowid='id', tokenize='trigram');
INSERT INTO people_search(people_search) VALUES ('rebuild');
CREATE TRIGGER search_people_insert AFTER INSERT ON people BEGIN INSERT INTO people_search(rowid, search_key) VALUES (new.id, new.search_key); END;
CREATE TRIGGER search_people_delete AFTER DELETE ON people BEGIN INSERT INTO people_search(people_search, rowid, search_key) VALUES ('delete', old.id, old.search_key); END;
CREATE TRIGGER search_people_update AFTER UPDATE OF search_key ON people BEGIN INSERT INTO people_search(people_search, rowid, search_key) VALUES ('delete', old.id, old.search_key); INSERT INTO people_search(rowid, search_key) VALUES (new.id, new.search_key); END;
CREATE VIRTUAL TABLE units_search USING fts5(search_key, content='units', content_rowid='id', tokenize='trigram');
INSERT INTO units_search(units_search) VALUES ('rebuild');
CREATE TRIGGER search_units_insert AFTER INSERT ON units BEGIN INSERT INTO units_search(rowid, search_key) VALUES (new.id, new.search_key); END;
CREATE TRIGGER search_units_delete AFTER DELETE ON units BEGIN INSERT INTO units_search(units_search, rowid, search_key) VALUES ('delete', old.id, old.search_key); END;
CREATE TRIGGER search_units_update AFTER UPDATE OF search_key ON units BEGIN INSERT INTO units_search(units_search, rowid, search_key) VALUES ('delete', old.id, old.search_key); INSERT INTO units_search(rowid, search_key) VALUES (new.id, new.search_key); END;
