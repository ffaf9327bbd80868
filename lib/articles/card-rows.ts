/**
 * The rows of readers' cards by id, in two plain statements: the articles with their section,
 * owner and live revision, then the live revisions' bylines. Every listing, search page and rail
 * reads its cards here after finding their ids (listing-ids.ts, search-index.ts).
 *
 * Why not Prisma's nested select: Prisma 6 compiles every query it is given, with no cache of
 * plans, and a select four relations deep cost about 3 ms to compile, each time, plus its
 * interpretation: most of a search result page's render (about 15 ms at 50,000 articles, 50
 * distinct searches a second on two cores). A plain statement compiles in a fraction of that.
 *
 * A card shows an excerpt of its standfirst or, when it has none, of its body: the body is read
 * only then (half the stories, three kilobytes each, twenty to a page, all garbage once rendered).
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/database-url";
import { dateOf, type StoredDate } from "@/lib/raw-values";
import type { CardRecord } from "./public-records";

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
};

export type BylineRow = { revisionId: string; position: number | bigint; id: string; name: string; slug: string | null };

/** What the two statements return, for `cardsFromRows`. */
export type CardRowSet = { articles: ArticleRow[]; bylines: BylineRow[] };

export type CardRow = CardRecord & { status: string; liveRevisionId: string | null };

const articleColumns = `
    SELECT "a"."id", "a"."slug", "a"."kind", "a"."status", "a"."liveRevisionId", "a"."publishedAt", "a"."updatedStampAt",
      "s"."slug" AS "sectionSlug", "s"."name" AS "sectionName",
      "u"."id" AS "authorId", "u"."name" AS "authorName", "u"."slug" AS "authorSlug",
      "r"."headline", "r"."dateline", "r"."standfirst",
      CASE WHEN "r"."standfirst" = '' THEN "r"."bodyHtml" ELSE '' END AS "bodyHtml"
    FROM "Article" AS "a"
    JOIN "Section" AS "s" ON "s"."id" = "a"."sectionId"
    JOIN "User" AS "u" ON "u"."id" = "a"."authorId"
    LEFT JOIN "Revision" AS "r" ON "r"."id" = "a"."liveRevisionId"`;

const bylineColumns = `
    SELECT "ra"."revisionId", "ra"."position", "u"."id", "u"."name", "u"."slug"
    FROM "RevisionAuthor" AS "ra"
    JOIN "User" AS "u" ON "u"."id" = "ra"."userId"`;

/**
 * SQLite's two statements, each with one parameter: the ids as a JSON array (one prepared
 * statement serves any number of them). Prisma runs them here and the search worker on its own
 * connection (search-worker.ts), so a search's cards are read next to its results, off the main thread.
 */
export const cardStatementsSqlite = {
  articles: `${articleColumns}
    WHERE "a"."id" IN (SELECT "value" FROM json_each(?))`,
  bylines: `${bylineColumns}
    WHERE "ra"."revisionId" IN (SELECT "value" FROM json_each(?))
    ORDER BY "ra"."position"`,
} as const;

/** The card rows of articles `ids` (in no order; any status: the caller keeps the live ones). */
export async function cardRows(client: Client, ids: readonly string[]): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  const articles = await readArticles(client, ids);
  const revisionIds = articles.flatMap((row) => (row.liveRevisionId ? [row.liveRevisionId] : []));
  const bylines = revisionIds.length ? await readBylines(client, revisionIds) : [];
  return cardsFromRows({ articles, bylines });
}

function readArticles(client: Client, ids: readonly string[]) {
  return databaseProvider() === "sqlite"
    ? client.$queryRawUnsafe<ArticleRow[]>(cardStatementsSqlite.articles, JSON.stringify(ids))
    : client.$queryRaw<ArticleRow[]>`${Prisma.raw(articleColumns)} WHERE "a"."id" IN (${Prisma.join(ids)})`;
}

function readBylines(client: Client, revisionIds: readonly string[]) {
  return databaseProvider() === "sqlite"
    ? client.$queryRawUnsafe<BylineRow[]>(cardStatementsSqlite.bylines, JSON.stringify(revisionIds))
    : client.$queryRaw<BylineRow[]>`${Prisma.raw(bylineColumns)} WHERE "ra"."revisionId" IN (${Prisma.join(revisionIds)}) ORDER BY "ra"."position"`;
}

/** The card records the two statements' rows make (bylines in their printed order). */
export function cardsFromRows({ articles, bylines }: CardRowSet): CardRow[] {
  const bylinesOf = new Map<string, NonNullable<CardRecord["liveRevision"]>["bylines"]>();
  for (const row of bylines) {
    const list = bylinesOf.get(row.revisionId) ?? [];
    list.push({ position: Number(row.position), user: { id: row.id, name: row.name, slug: row.slug } });
    bylinesOf.set(row.revisionId, list);
  }
  return articles.map((row) => ({
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
            bylines: bylinesOf.get(row.liveRevisionId) ?? [],
          }
        : null,
  }));
}
