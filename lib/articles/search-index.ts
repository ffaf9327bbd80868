/**
 * The full-text index readers search (SQLite FTS5, migration 0006): one row per live article with
 * its live revision's headline, standfirst and body text. `syncSearchIndex` runs inside the
 * transaction that changes an article's live revision or takes it out of publication
 * (commands/move-article.ts), so the index never lists what readers cannot see; `indexMissing`
 * fills it for articles published another way (the seed, older databases) when the server starts.
 *
 * Ranking is BM25 with a headline match worth more than a standfirst match, worth more than a body
 * match. What a reader types is never FTS syntax: `matchExpression` keeps only words and quotes
 * each one, so `OR`, `NEAR(…)`, `col:`, `*` or a stray quote are searched for, not obeyed.
 *
 * Takes the Prisma client (or transaction) to use, so scripts can call it too (no "server-only").
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { isLive } from "./live";
import { liveSql } from "./live-sql";
import { htmlToText } from "@/lib/text/plain-text";
import { databaseProvider } from "@/lib/database-url";
import type { ArticleRow } from "./card-rows";

type Client = PrismaClient | Tx;

/** Column weights for bm25(): headline, standfirst, body. */
const weights = { headline: 10, standfirst: 4, body: 1 } as const;
const maxTerms = 8;

/** Raw SQL's form of the live rule (./live.ts), for a query that joins "Article". */
const articleIsLive = liveSql("Article");

/** Brings one article's row in step with what readers see (its live revision, or nothing). */
export async function syncSearchIndex(client: Client, articleId: string): Promise<void> {
  // A plain statement: it runs inside every publication's transaction (lib/raw-values.ts).
  const [article] = await client.$queryRaw<{ status: string; liveRevisionId: string | null; headline: string; standfirst: string; bodyHtml: string }[]>`
    SELECT "a"."status", "a"."liveRevisionId", "r"."headline", "r"."standfirst", "r"."bodyHtml"
    FROM "Article" AS "a" LEFT JOIN "Revision" AS "r" ON "r"."id" = "a"."liveRevisionId"
    WHERE "a"."id" = ${articleId}`;
  await client.$executeRaw(searchTextWrite(articleId, article && isLive(article) ? article : null));
}

/**
 * The write that brings an article's row in the index in step with `live`, the text of its live
 * revision (null: readers cannot see it). A publication knows that text already and sends this with
 * its other writes (lib/writes-together.ts).
 */
export function searchTextWrite(articleId: string, live: { headline: string; standfirst: string; bodyHtml: string } | null): Prisma.Sql {
  if (!live) return Prisma.sql`DELETE FROM "ArticleSearchText" WHERE "articleId" = ${articleId}`;
  return Prisma.sql`
    INSERT INTO "ArticleSearchText" ("articleId", "headline", "standfirst", "body")
    VALUES (${articleId}, ${live.headline}, ${live.standfirst}, ${htmlToText(live.bodyHtml)})
    ON CONFLICT ("articleId") DO UPDATE SET
      "headline" = excluded."headline", "standfirst" = excluded."standfirst", "body" = excluded."body"`;
}

/**
 * Indexes every live article the index lacks and drops rows of articles no longer live. Returns
 * how many articles it indexed. Cheap when there is nothing to do (one anti-join); a newsroom of
 * 50,000 articles is indexed in batches of `batch`, one multi-row insert each.
 */
export async function indexMissing(client: PrismaClient, { batch = 500 } = {}): Promise<number> {
  await client.$executeRaw`
    DELETE FROM "ArticleSearchText" WHERE "articleId" IN (
      SELECT "id" FROM "Article" WHERE NOT (${articleIsLive}))`;
  let indexed = 0;
  for (;;) {
    const missing = await client.$queryRaw<{ id: string; headline: string; standfirst: string; bodyHtml: string }[]>`
      SELECT "Article"."id", "Revision"."headline", "Revision"."standfirst", "Revision"."bodyHtml"
      FROM "Article"
      JOIN "Revision" ON "Revision"."id" = "Article"."liveRevisionId"
      LEFT JOIN "ArticleSearchText" ON "ArticleSearchText"."articleId" = "Article"."id"
      WHERE ${articleIsLive} AND "ArticleSearchText"."id" IS NULL
      LIMIT ${batch}`;
    if (missing.length === 0) return indexed;
    const rows = missing.map((row) => Prisma.sql`(${row.id}, ${row.headline}, ${row.standfirst}, ${htmlToText(row.bodyHtml)})`);
    // Several server processes start together and each fills the index: what another has just
    // added is skipped, not an error.
    indexed += await client.$executeRaw`
      INSERT INTO "ArticleSearchText" ("articleId", "headline", "standfirst", "body") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("articleId") DO NOTHING`;
  }
}

/** The words of what a reader typed, as searched: letters and digits (an inner apostrophe kept), at most eight. */
export function searchWords(query: string): string[] {
  const words = query.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
  return [...new Set(words)].slice(0, maxTerms);
}

/**
 * The FTS5 query for what a reader typed: every word as a quoted string, all required. Null when
 * nothing searchable is left.
 */
export function matchExpression(query: string): string | null {
  const words = searchWords(query);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"`).join(" ");
}

/** The words of what a reader typed in their order, repeats kept, as a phrase is matched (at most 16). */
function phraseWords(query: string): string[] {
  return (query.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []).slice(0, 16);
}

/**
 * The FTS5 query for a headline holding what the reader typed as a phrase: a story whose headline
 * a reader pastes or remembers comes first, however common its words (bm25 gives a word found in
 * most stories almost no weight, so in a large archive the headline's weight alone cannot lift it).
 */
export function headlinePhraseExpression(query: string): string | null {
  const words = phraseWords(query);
  return words.length ? `headline : "${words.join(" ").replace(/"/g, '""')}"` : null;
}

/** What a search's statements are given, from what the reader typed; null when nothing is searchable. */
export type SearchTerms = { terms: string; phrase: string };

/**
 * A page of results: their ids, how many in all, and (from the search worker) their cards' rows.
 * `capped`: more stories matched than were ranked (`searchWindow`); `total` is how many were.
 */
export type SearchHits = { ids: string[]; total: number; cards?: ArticleRow[]; capped?: boolean };

/**
 * How many of the matches a search ranks: the newest this many, and the stories whose headline
 * holds what was typed (on PostgreSQL, is exactly it), so a pasted headline still finds its story.
 * A search matching fewer is ranked whole; one matching more says so and asks for another word.
 * Ranking every match of a word found in most stories read them all: at a million articles
 * "council" took 7.4 s to rank and 4.1 s to count on PostgreSQL (`ts_rank` reads each match's
 * whole `tsvector`), 1.0 s on SQLite; ranking the newest 2,000 took 22–28 ms and counting to 2,001
 * 11–29 ms on PostgreSQL (5,000: 56–65 ms), 70–130 ms on SQLite (docs/decisions/027).
 */
export const searchWindow = 2_000;

/** PostgreSQL's order of results: the headline holding the phrase (exactly it, first), then `ts_rank`. */
const postgresRank = `CASE WHEN ts_filter("document", '{a}') @@ phraseto_tsquery('newsdesk', $1)
          THEN 1 + (to_tsvector('simple', "headline") = to_tsvector('simple', $1))::int ELSE 0 END DESC,
        ts_rank('{0, ${weights.body / weights.headline}, ${weights.standfirst / weights.headline}, 1}', "document", plainto_tsquery('newsdesk', $2)) DESC, "id" DESC`;

/**
 * The two statements of a search for each database, as plain SQL with positional parameters, so
 * that the Prisma client and SQLite's search worker (search-worker.ts, a connection of its own off
 * the main thread) run the same. `argument` turns what the reader typed into their first parameter.
 *
 * SQLite: both read the FTS index alone. It holds only live articles (kept so in the transaction
 * that changes one, above), and reading each match's row in "ArticleSearchText" or "Article" to rank
 * it made a query matching most of 50,000 stories take 250 ms where the index alone takes 50 (the
 * count: 185 ms, now 4). Ties go to the row indexed last, the story first published most recently.
 * PostgreSQL (its migration 0002): the weighted `document` column and its GIN index, ranked by
 * `ts_rank` with the same 10 / 4 / 1 weights (its array runs D, C, B, A). Its headline phrase skips
 * stop words, so "Council it minister council plan" holds "council with minister from plan" too;
 * among the headlines that hold the phrase, the one that is exactly what was typed (every word, in
 * order, compared without stop words removed) comes first.
 */
export const searchStatements = {
  sqlite: {
    terms: (query: string): SearchTerms | null => {
      const terms = matchExpression(query);
      return terms ? { terms, phrase: headlinePhraseExpression(query)! } : null;
    },
    /** Parameters: the headline phrase, the match expression, limit, offset. Rows: { id }. */
    page: `
      SELECT "ArticleSearchText"."articleId" AS "id"
      FROM (
        SELECT "rowid", bm25("ArticleSearch", ${weights.headline}, ${weights.standfirst}, ${weights.body}) AS "score",
          "rowid" IN (SELECT "rowid" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ?) AS "inHeadline"
        FROM "ArticleSearch"
        WHERE "ArticleSearch" MATCH ?
        ORDER BY "inHeadline" DESC, "score", "rowid" DESC
        LIMIT ? OFFSET ?
      ) AS "ranked"
      JOIN "ArticleSearchText" ON "ArticleSearchText"."id" = "ranked"."rowid"
      ORDER BY "ranked"."inHeadline" DESC, "ranked"."score", "ranked"."rowid" DESC`,
    /**
     * When more match than the window: the newest `searchWindow` matches and the newest as many whose
     * headline holds the phrase, ranked as `page` ranks. Parameters (`windowArguments`): the
     * headline phrase, the window, the match expression, the window, the match expression, limit,
     * offset. bm25 still reads each word's whole list once to weigh it (50–100 ms for a word in every
     * story of a million); ranking every match took 0.7–1 s.
     */
    windowPage: `
      WITH "headlined" AS (SELECT "rowid" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ? ORDER BY "rowid" DESC LIMIT ?),
        "oldest" AS (SELECT coalesce((SELECT "rowid" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ? ORDER BY "rowid" DESC LIMIT 1 OFFSET ? - 1), 0) AS "rowid")
      SELECT "ArticleSearchText"."articleId" AS "id"
      FROM (
        SELECT "rowid", bm25("ArticleSearch", ${weights.headline}, ${weights.standfirst}, ${weights.body}) AS "score",
          "rowid" IN "headlined" AS "inHeadline"
        FROM "ArticleSearch"
        WHERE "ArticleSearch" MATCH ? AND ("rowid" >= (SELECT "rowid" FROM "oldest") OR "rowid" IN "headlined")
        ORDER BY "inHeadline" DESC, "score", "rowid" DESC
        LIMIT ? OFFSET ?
      ) AS "ranked"
      JOIN "ArticleSearchText" ON "ArticleSearchText"."id" = "ranked"."rowid"
      ORDER BY "ranked"."inHeadline" DESC, "ranked"."score", "ranked"."rowid" DESC`,
    /** `windowPage`'s parameters in the order its placeholders come (the search worker is sent them ready-made). */
    windowArguments: ({ phrase, terms }: SearchTerms, window: number, limit: number, offset: number): unknown[] => [phrase, window, terms, window, terms, limit, offset],
    /** Parameters: the match expression, the window. Row: { total }, counted to one past the window at most. */
    count: `SELECT count(*) AS "total" FROM (SELECT 1 FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ? LIMIT ? + 1)`,
  },
  postgresql: {
    terms: (query: string): SearchTerms | null => {
      const terms = searchWords(query).join(" ");
      return terms ? { terms, phrase: phraseWords(query).join(" ") } : null;
    },
    /** Parameters: the headline phrase, the words, limit, offset. Rows: { id }. */
    page: `
      SELECT "articleId" AS "id"
      FROM "ArticleSearchText"
      WHERE "document" @@ plainto_tsquery('newsdesk', $2)
      ORDER BY ${postgresRank}
      LIMIT $3 OFFSET $4`,
    /**
     * When more match than the window: the newest `searchWindow` matches and the stories whose
     * headline is exactly the phrase (its index: migration 0014), ranked as `page` ranks.
     * Parameters (`windowArguments`): the headline phrase, the words, limit, offset, the window.
     */
    windowPage: `
      WITH "candidates" AS (
        (SELECT "id" FROM "ArticleSearchText" WHERE "document" @@ plainto_tsquery('newsdesk', $2) ORDER BY "id" DESC LIMIT $5)
        UNION
        (SELECT "id" FROM "ArticleSearchText" WHERE to_tsvector('simple', "headline") = to_tsvector('simple', $1))
      )
      SELECT "articleId" AS "id"
      FROM "ArticleSearchText" JOIN "candidates" USING ("id")
      ORDER BY ${postgresRank}
      LIMIT $3 OFFSET $4`,
    windowArguments: ({ phrase, terms }: SearchTerms, window: number, limit: number, offset: number): unknown[] => [phrase, terms, limit, offset, window],
    /** Parameters: the words, the window. Row: { total }, counted to one past the window at most. */
    count: `SELECT count(*) AS "total" FROM (SELECT 1 FROM "ArticleSearchText" WHERE "document" @@ plainto_tsquery('newsdesk', $1) LIMIT $2 + 1) AS "matches"`,
  },
} as const;

export type SearchRequest = { query: string; offset: number; limit: number };

/** What a count up to one past the window says: how many were ranked, and whether more matched. */
function windowedTotal(counted: number, window: number): Pick<SearchHits, "total" | "capped"> {
  return counted > window ? { total: window, capped: true } : { total: counted };
}

/**
 * One page of live articles matching `query`, best first, through `client`. Counted first (to one
 * past the window: cheap), as the count says which page statement to run: ranking the window costs
 * more than ranking a few hundred matches whole (on PostgreSQL at a million, 46 searches a second
 * at 10 at once against 54).
 */
export async function searchArticleIds(client: Client, { query, offset, limit }: SearchRequest, { window = searchWindow } = {}): Promise<SearchHits> {
  const statements = searchStatements[databaseProvider()];
  const search = statements.terms(query);
  if (!search) return { ids: [], total: 0 };
  const [counted] = await client.$queryRawUnsafe<{ total: number | bigint }[]>(statements.count, search.terms, window);
  const total = windowedTotal(Number(counted?.total ?? 0), window);
  const found = total.capped
    ? await client.$queryRawUnsafe<{ id: string }[]>(statements.windowPage, ...statements.windowArguments(search, window, limit, offset))
    : await client.$queryRawUnsafe<{ id: string }[]>(statements.page, search.phrase, search.terms, limit, offset);
  return { ids: found.map((row) => row.id), ...total };
}
