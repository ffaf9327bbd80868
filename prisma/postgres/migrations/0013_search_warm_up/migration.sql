-- pg_prewarm (shipped with PostgreSQL) lets the server read what readers' search reads into the
-- database machine's memory when it starts (lib/articles/search-warm-up.ts). Cold, at a million
-- articles, search's p95 was 496 ms; after the warm-up (4.7 GB in 11 s) it was 47 ms
-- (docs/decisions/027). Written by hand: the Prisma schema does not change. It is not a trusted
-- extension, so only a superuser can create it: a database whose owner cannot goes without the
-- warm-up, and the server says so when it starts.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_prewarm;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_prewarm needs a superuser; readers'' search will start cold after the database restarts.';
END $$;
