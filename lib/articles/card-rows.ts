/**
 * The rows of readers' cards, in one plain statement: the articles with their section, owner and
 * live revision, and the live revision's bylines as a JSON array in the same row. Every listing,
 * search page and rail reads its cards here, by id after finding them (listing-ids.ts,
 * search-index.ts), or straight from the newest (`newestLiveCardRows`).
 *
 * Why not Prisma's nested select: Prisma 6 compiles every query it is given, with no cache of
 * plans, and a select four relations deep cost about 3 ms to compile, each time, plus its
 * interpretation: most of a search result page's render (about 15 ms at 50,000 articles, 50
 * distinct searches a second on two cores). A plain statement compiles in a fraction of that.
 *
 * Why one statement and not two (articles, then their bylines): after a publication the front page,
 * the feeds and the story's footprint are all read again, and under load at a million articles on
 * PostgreSQL each statement waited its turn for some milliseconds.
 *
 * A card shows an excerpt of its standfirst or, when it has none, of its body: the body is read
 * only then (half the stories, three kilobytes each, twenty to a page, all garbage once rendered).
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/database-url";
import { dateOf, type StoredDate } from "@/lib/raw-values";
import type { CardRecord } from "./public-records";
import { liveSql } from "./live-sql";
import { jsonArrayColumn, jsonArrayOf, jsonObject } from "@/lib/sql-json";

type Client = PrismaClient | Tx;

export type ArticleRow = {
  id: string;
  slug: string;
  kind: string;
  status: string;
  liveRevisionId: string | null;
  publishedAt: StoredDate | null;
  updatedStampAt: StoredDate | null;
  sectionSlug: string;
  sectionName: string;
  authorId: string;
  authorName: string;
  authorSlug: string | null;
  headline: string | null;
  dateline: string | null;
  standfirst: string | null;
  /** Only when there is no standfirst: a card's excerpt comes from one or the other (toCard). */
  bodyHtml: string | null;
  /** The live revision's bylines, a JSON array of `BylineRow` (any order). */
  bylines: string | null;
};

export type BylineRow = { position: number | bigint; id: string; name: string; slug: string | null };

export type CardRow = CardRecord & { status: string; liveRevisionId: string | null };

/** The live revision's id, as card statements name it: the revision a reader's card shows. */
export const liveRevisionRef = `"a"."liveRevisionId"`;

/**
 * The select list of a card's row, from the article "a" and `cardJoins`; `revision` (SQL for a
 * revision's id) shows the card as it would be with that revision live (lib/public-cache).
 */
export function cardColumns(revision: string = liveRevisionRef): string {
  const byline = jsonObject({ position: `"ra"."position"`, id: `"bu"."id"`, name: `"bu"."name"`, slug: `"bu"."slug"` });
  const bylines = jsonArrayColumn(
    byline,
    `FROM "RevisionAuthor" AS "ra" JOIN "User" AS "bu" ON "bu"."id" = "ra"."userId" WHERE "ra"."revisionId" = ${revision}`,
  );
  return `
    SELECT "a"."id", "a"."slug", "a"."kind", "a"."status", "a"."liveRevisionId", "a"."publishedAt", "a"."updatedStampAt",
      "s"."slug" AS "sectionSlug", "s"."name" AS "sectionName",
      "u"."id" AS "authorId", "u"."name" AS "authorName", "u"."slug" AS "authorSlug",
      "r"."headline", "r"."dateline", "r"."standfirst",
      CASE WHEN "r"."standfirst" = '' THEN "r"."bodyHtml" ELSE '' END AS "bodyHtml",
      ${bylines} AS "bylines"`;
}

/** The rest of a card's row, joined to the article "a", with `revision` (SQL for its id) as "r". */
export function cardJoinsOn(revision: string): string {
  return `
    JOIN "Section" AS "s" ON "s"."id" = "a"."sectionId"
    JOIN "User" AS "u" ON "u"."id" = "a"."authorId"
    LEFT JOIN "Revision" AS "r" ON "r"."id" = ${revision}`;
}

/** The rest of a card's row, joined to the article "a": its live revision as "r". */
export const cardJoins = cardJoinsOn(liveRevisionRef);

/**
 * SQLite's statement, with one parameter: the ids as a JSON array (one prepared statement serves
 * any number of them). Prisma runs it here and the search worker on its own connection
 * (search-worker.ts), so a search's cards are read next to its results, off the main thread.
 */
export const cardStatementSqlite = () => `${cardColumns()}
    FROM "Article" AS "a"${cardJoins}
    WHERE "a"."id" IN (SELECT "value" FROM json_each(?))`;

/** The card rows of articles `ids` (in no order; any status: the caller keeps the live ones). */
export async function cardRows(client: Client, ids: readonly string[]): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  const rows =
    databaseProvider() === "sqlite"
      ? await client.$queryRawUnsafe<ArticleRow[]>(cardStatementSqlite(), JSON.stringify(ids))
      : await client.$queryRaw<ArticleRow[]>`${Prisma.raw(`${cardColumns()} FROM "Article" AS "a"${cardJoins}`)} WHERE "a"."id" IN (${Prisma.join(ids)})`;
  return cardsFromRows(rows);
}

/** Which newest live articles: of some kinds (the front page, Opinion), of a section, or any. */
export type NewestFilter = { kinds: readonly string[] } | { sectionSlug: string } | "all";

/**
 * The cards of the newest live articles of `filter`, publication newest first: the front page's,
 * the Opinion rail's and the feeds' lists, read again after every publication. The newest are
 * picked first, on an index, and only those are joined.
 *
 * Of several kinds, each kind's newest are picked on its own index (status, kind, publication date)
 * and the lists merged: asked as `kind IN (…)`, both databases walked the publication-date index
 * past every story of other kinds, and the Opinion rail read 2,000 news stories to find eight
 * pieces at a million articles (17 ms, cold).
 */
export async function newestLiveCardRows(client: Client, take: number, filter: NewestFilter): Promise<CardRow[]> {
  if (filter !== "all" && "kinds" in filter && filter.kinds.length === 0) return [];
  const columns = Prisma.sql`"a"."id", "a"."slug", "a"."kind", "a"."status", "a"."liveRevisionId", "a"."publishedAt", "a"."updatedStampAt", "a"."sectionId", "a"."authorId"`;
  const newest = (only: Prisma.Sql) =>
    Prisma.sql`SELECT ${columns} FROM "Article" AS "a" WHERE ${liveSql("a")} ${only} ORDER BY "a"."publishedAt" DESC LIMIT ${take}`;
  const picked =
    filter === "all"
      ? newest(Prisma.empty)
      : "sectionSlug" in filter
        ? newest(Prisma.sql`AND "a"."sectionId" = (SELECT "id" FROM "Section" WHERE "slug" = ${filter.sectionSlug})`)
        : Prisma.sql`SELECT * FROM (${Prisma.join(
            filter.kinds.map((kind, index) => Prisma.sql`SELECT * FROM (${newest(Prisma.sql`AND "a"."kind" = ${kind}`)}) AS ${Prisma.raw(`"k${index}"`)}`),
            " UNION ALL ",
          )}) AS "a" ORDER BY "a"."publishedAt" DESC LIMIT ${take}`;
  const rows = await client.$queryRaw<ArticleRow[]>`
    ${Prisma.raw(cardColumns())}
    FROM (${picked}) AS "a"
    ${Prisma.raw(cardJoins)}
    ORDER BY "a"."publishedAt" DESC`;
  return cardsFromRows(rows);
}

/** The card records of the statement's rows (bylines in their printed order). */
export function cardsFromRows(rows: ArticleRow[]): CardRow[] {
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    status: row.status,
    liveRevisionId: row.liveRevisionId,
    publishedAt: dateOf(row.publishedAt),
    updatedStampAt: dateOf(row.updatedStampAt),
    section: { slug: row.sectionSlug, name: row.sectionName },
    author: { id: row.authorId, name: row.authorName, slug: row.authorSlug },
    liveRevision:
      row.liveRevisionId && row.headline !== null
        ? {
            headline: row.headline,
            dateline: row.dateline ?? "",
            standfirst: row.standfirst ?? "",
            bodyHtml: row.bodyHtml ?? "",
            bylines: bylinesOf(row.bylines),
          }
        : null,
  }));
}

function bylinesOf(json: string | null): NonNullable<CardRecord["liveRevision"]>["bylines"] {
  return jsonArrayOf<BylineRow>(json)
    .map((row) => ({ position: Number(row.position), user: { id: row.id, name: row.name, slug: row.slug } }))
    .sort((a, b) => a.position - b.position);
}
