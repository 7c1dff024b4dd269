-- Step 15 (SQLite): the people list's order as an index of byte strings. The list sorts by given
-- name, then the whole name, in the "vi" collation; sorting a page of search hits through that
-- collation calls QCollator for every comparison (tens of milliseconds for a thousand hits), and
-- walking people_sort for a common prefix reads the table row of every name passed to test its
-- search text. vi_sort_key() (core/db/collation.cpp) gives bytes that compare as the collation
-- does, so this index serves ORDER BY vi_sort_key(given_name, full_name), id in order, and holds
-- search_key so the walk tests it without reading the table.
-- Every connection registers vi_sort_key as it registers "vi"; every write to people keeps the
-- index, whichever code writes, as SQLite computes the expression itself.
CREATE INDEX people_name_order ON people (vi_sort_key(given_name, full_name), id, search_key);
