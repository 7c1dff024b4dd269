-- Step 18 (PostgreSQL): a trigram index over the people's folded search text with every space
-- made a 'z' (a letter no folded Vietnamese word holds), so pg_trgm reads "nguyen thi ng" as one
-- word and keeps the trigrams that span its spaces ("izn", "zng"). The index of step 13 splits
-- at spaces and loses the words' order: for "nguyen thi ng" it yields every "Nguyễn Thị …"
-- (6,644 rows of a province, each read to recheck, for 494 hits); this one yields about the hits.
-- core/repo/search.cpp asks it with the same replacement made on the pattern (a condition every
-- match meets) and decides with strpos() on search_key itself. people_search_trgm stays: the
-- duplicate check's prefix match (core/dedup/duplicates.cpp) reads it.
CREATE INDEX people_search_words ON people USING gin (replace(search_key, ' ', 'z') gin_trgm_ops);
-- The planner's estimate for the probe comes from the statistics of the new index's expression:
-- analysed where there are people. Never on an empty table: statistics saying "no rows" make
-- the foreign-key checks of the office's first import (a plan kept for the whole session) scan
-- people for every rating, 50,000 ratings taking 45 s instead of 3.
DO $$ BEGIN IF EXISTS (SELECT 1 FROM people) THEN ANALYZE people; END IF; END $$;
