-- Schema version 3: rule sets imported by the clerk (issue 3). The built-in sets ship in the
-- program (resources/rules); a set imported here is the file's text as read, validated first.
-- (set_id, version) is unique across built-in and imported sets; the program checks the
-- built-in ones, this table the imported ones.
CREATE TABLE rule_sets (
    id {{ID}},
    set_id TEXT NOT NULL CHECK (set_id <> ''),
    version INTEGER NOT NULL CHECK (version >= 1),
    title TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    content TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    UNIQUE (set_id, version)
);
CREATE INDEX rule_sets_effective ON rule_sets (effective_from);
