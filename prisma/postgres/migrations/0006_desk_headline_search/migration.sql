-- The desk's headline search (lib/articles/desk-views.ts: `contains`, case-insensitive, which
-- PostgreSQL runs as ILIKE '%…%') answered from an index of trigrams instead of reading every
-- headline: at a million articles that read took 150–350 ms a list. Written by hand (pg_trgm, a
-- trusted extension shipped with PostgreSQL): the Prisma schema does not change. SQLite's LIKE
-- still reads the headlines.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Article_headline_trgm_idx" ON "Article" USING GIN ("headline" gin_trgm_ops);
