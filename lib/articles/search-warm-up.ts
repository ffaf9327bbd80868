/**
 * Reads what readers' search reads into the database machine's memory, just after the server has
 * started: the search table, its TOAST table (the long texts and their `tsvector`s) and their
 * indexes. Without it, the first searches after the database machine starts read those pages from
 * disk a few at a time. At a million articles, readers' search p95 was 496 ms cold and 47 ms just
 * after this warm-up, which read 5.0 GB in 11 s (docs/decisions/027). It runs in the background, so
 * the server answers meanwhile.
 *
 * PostgreSQL only, through `pg_prewarm` (its migration 0013), which only a superuser can install;
 * without it the warm-up is skipped and says why. SQLite has no such warm-up.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type SearchWarmUp = { relations: string[]; bytes: number; ms: number } | { skipped: string };

export async function warmSearchIndex(client: Pick<PrismaClient, "$queryRawUnsafe">, now: () => number = () => performance.now()): Promise<SearchWarmUp> {
  const installed = await client.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "pg_extension" WHERE "extname" = 'pg_prewarm'`);
  if (installed.length === 0) return { skipped: "pg_prewarm is not installed (a superuser can: CREATE EXTENSION pg_prewarm)" };
  const relations = await client.$queryRawUnsafe<{ name: string }[]>(`
    WITH "t" AS (SELECT "oid", "reltoastrelid" FROM "pg_class" WHERE "oid" = '"ArticleSearchText"'::regclass)
    SELECT "oid"::regclass::text AS "name" FROM "t"
    UNION ALL SELECT "reltoastrelid"::regclass::text FROM "t" WHERE "reltoastrelid" <> 0
    UNION ALL SELECT "indexrelid"::regclass::text FROM "pg_index" WHERE "indrelid" IN (SELECT "oid" FROM "t" UNION ALL SELECT "reltoastrelid" FROM "t")`);
  const started = now();
  let blocks = 0;
  // One relation at a time: each is one statement, a read the database can interleave with others.
  for (const { name } of relations) {
    const [row] = await client.$queryRawUnsafe<{ blocks: bigint | number }[]>(`SELECT pg_prewarm($1::regclass, 'read') AS "blocks"`, name);
    blocks += Number(row?.blocks ?? 0);
  }
  const [size] = await client.$queryRawUnsafe<{ size: number }[]>(`SELECT current_setting('block_size')::int AS "size"`);
  return { relations: relations.map(({ name }) => name), bytes: blocks * (size?.size ?? 8192), ms: now() - started };
}

/** The line the server logs. */
export function describeWarmUp(result: SearchWarmUp): string {
  if ("skipped" in result) return `Search index: not read into memory at start: ${result.skipped}.`;
  return `Search index: read into the database's memory (${(result.bytes / 2 ** 20).toFixed(0)} MiB, ${result.relations.length} tables and indexes, in ${(result.ms / 1000).toFixed(1)} s).`;
}
