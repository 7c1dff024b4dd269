-- Step 15 (PostgreSQL): the people list's order with id and the search text in the index, so the
-- list's page of ids for a common prefix ("ca", "nguyen thi") is an index-only walk in order that
-- tests search_key on the index entries, not a read of every passed person's row; the id ends
-- the order (people_sort stops at the names, which left an extra sort for ties).
CREATE INDEX people_name_order ON people (given_name COLLATE vi, full_name COLLATE vi, id) INCLUDE (search_key);
DROP INDEX people_sort;
