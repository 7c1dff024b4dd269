-- Step 13 (PostgreSQL): trigram GIN indexes over the folded search text of people and units, so
-- "search_key LIKE '%…%'" (three characters or more) reads the index instead of every row.
-- pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13+), so the database's
-- owner may create it; migrations.cpp creates it first and skips these indexes when it cannot.
CREATE INDEX people_search_trgm ON people USING gin (search_key gin_trgm_ops);
CREATE INDEX units_search_trgm ON units USING gin (search_key gin_trgm_ops);
