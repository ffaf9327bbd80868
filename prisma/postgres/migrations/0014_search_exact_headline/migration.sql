-- Readers' search on PostgreSQL ranks the newest matches only (lib/articles/search-index.ts,
-- `searchWindow`), and every story whose headline is exactly what the reader typed: a reader who
-- pastes an old story's headline still finds it first. This index finds those stories. Written by
-- hand: the Prisma schema does not change.
CREATE INDEX "ArticleSearchText_exact_headline_idx" ON "ArticleSearchText" (to_tsvector('simple'::regconfig, "headline"));
