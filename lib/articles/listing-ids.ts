/**
 * Which live articles a listing shows (a section, Opinion or a kind of it, a writer, a topic),
 * newest first, and how many there are: ids only, in SQL written to start from the small side.
 * The cards are then read by id (public-queries.ts), as search does.
 *
 * Why not Prisma's relation filters: `liveRevision: { tags: { some } }` and the byline filter
 * become a correlated EXISTS run for every live article, and `section: { slug }` a join that
 * misses the section index; on 50,000 articles a topic's or a writer's page took 300 ms to list,
 * a section's 65 ms, each time a publication expired it. Here a topic starts from its rows in
 * "RevisionTag", a writer from theirs in "RevisionAuthor" (CROSS JOIN keeps SQLite from
 * reordering), and a section or kind walks its index, which carries "liveRevisionId" so that
 * counting never reads the articles (migration 0010).
 *
 * At a million articles a writer or a topic has tens of thousands of stories, and no index orders
 * them by publication date: sorting them all for one page of twenty took PostgreSQL 0.6–1.3 s.
 * So a listing is counted only a little past the page asked for (`listingCountAhead`), and one that
 * goes on past that is read the other way round (`newestByWalking`): down the publication-date
 * index, asking of each story whether it is theirs, which stops after the page.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/database-url";
import { ownerSignsUnsigned } from "./bylines";
import { articleKinds, hasByline, type ArticleKind } from "./kinds";
import { liveSql } from "./live-sql";

type Client = PrismaClient | Tx;

/** The kinds that carry a byline: what a writer's page lists. */
export const signedKinds = articleKinds.filter(hasByline);

/** The kinds whose owner signs a piece saved with no byline rows (publicByline): not letters. */
const ownerSignedKinds = articleKinds.filter(ownerSignsUnsigned);
const ownerSignedSql = Prisma.join(ownerSignedKinds);

export type ListingFilter =
  | { sectionSlug: string }
  | { kinds: readonly ArticleKind[] }
  | { author: { id: string; segment: string } }
  | { tagSlug: string };

/**
 * `total`: how many there are, or, with `more`, where counting stopped (the listing goes on).
 */
export type ListingIds = { ids: string[]; total: number; more: boolean };

/** How many pages past the one asked for a listing is counted: "Page 1 of more than 51". */
export const listingCountAhead = 50;

/** How deep a listing is read by walking; past it, a writer's or topic's rows are sorted after all. */
const deepestWalk = 2_000;

/**
 * The live articles a filter selects, as FROM … WHERE clauses that each yield "a" (an Article
 * row), and that never share an article: one for most filters, a writer's two sides for theirs.
 */
function selections(filter: ListingFilter | { tagSlugs: string[] }): Prisma.Sql[] {
  // SQLite keeps the order of a CROSS JOIN; PostgreSQL plans a JOIN well and has no CROSS JOIN … ON.
  const join = databaseProvider() === "sqlite" ? Prisma.sql`CROSS JOIN` : Prisma.sql`JOIN`;
  const live = liveSql("a");
  if ("tagSlug" in filter || "tagSlugs" in filter) {
    // One tag's rows name each article once; of several tags, the caller asks for DISTINCT.
    const slugs = "tagSlug" in filter ? [filter.tagSlug] : filter.tagSlugs;
    return [
      Prisma.sql`
      FROM "Tag" AS "t"
      ${join} "RevisionTag" AS "rt" ON "rt"."tagId" = "t"."id"
      ${join} "Article" AS "a" ON "a"."liveRevisionId" = "rt"."revisionId"
      WHERE "t"."slug" IN (${Prisma.join(slugs)}) AND ${live}`,
    ];
  }
  if ("author" in filter) {
    // Signed in the live revision's byline, or (a revision from before bylines) their own story,
    // of a kind its owner then signs.
    // Each side keeps only live stories of signed kinds, so a writer who owns many unsigned pieces
    // (an opinion editor's editorials) costs nothing for them. The second side asks for byline rows
    // with a scalar subquery (`LIMIT 1`), not NOT EXISTS: PostgreSQL guessed an editor's 200 signed
    // stories to be 32,000 (their 35,000 editorials made them a large owner) and answered NOT EXISTS
    // with a hash anti-join over every byline row, or in parallel workers: 65–190 ms a listing, at
    // every publication the editor signed, against 1–3 ms now.
    const kinds = Prisma.join(signedKinds);
    return [
      Prisma.sql`
      FROM "RevisionAuthor" AS "ra"
      ${join} "Article" AS "a" ON "a"."liveRevisionId" = "ra"."revisionId"
      WHERE "ra"."userId" = ${filter.author.id} AND "a"."kind" IN (${kinds}) AND ${live}`,
      Prisma.sql`
      FROM "Article" AS "a"
      WHERE "a"."authorId" = ${filter.author.id} AND "a"."kind" IN (${ownerSignedSql}) AND ${live}
        AND (SELECT 1 FROM "RevisionAuthor" AS "rb" WHERE "rb"."revisionId" = "a"."liveRevisionId" LIMIT 1) IS NULL`,
    ];
  }
  if ("sectionSlug" in filter) {
    return [
      Prisma.sql`
      FROM "Article" AS "a"
      WHERE "a"."sectionId" = (SELECT "id" FROM "Section" WHERE "slug" = ${filter.sectionSlug}) AND ${live}`,
    ];
  }
  const kinds = Prisma.join(filter.kinds);
  return [Prisma.sql`FROM "Article" AS "a" WHERE "a"."kind" IN (${kinds}) AND ${live}`];
}

/** The same as one FROM … WHERE yielding "a" with its id and publication date. */
function selection(filter: ListingFilter | { tagSlugs: string[] }): Prisma.Sql {
  const [only, ...more] = selections(filter);
  if (more.length === 0) return only!;
  const sides = Prisma.join(
    [only!, ...more].map((from) => Prisma.sql`SELECT "a"."id" AS "id", "a"."publishedAt" AS "publishedAt" ${from}`),
    " UNION ALL ",
  );
  return Prisma.sql`FROM (${sides}) AS "a" WHERE 1 = 1`;
}

/**
 * Whether a story is in a writer's or topics' listing, asked of one article "a" as the walk reaches
 * it: each a scalar subquery on the index of the byline's or tags' rows (`LIMIT 1` keeps both
 * databases from turning it into a join over every row of the writer or topic).
 */
function membership(filter: { author: { id: string } } | { tagSlugs: string[] }): Prisma.Sql {
  if ("tagSlugs" in filter) {
    const slugs = Prisma.join(filter.tagSlugs);
    return Prisma.sql`(
      SELECT 1 FROM "RevisionTag" AS "rt"
      WHERE "rt"."revisionId" = "a"."liveRevisionId" AND "rt"."tagId" IN (SELECT "id" FROM "Tag" WHERE "slug" IN (${slugs})) LIMIT 1) IS NOT NULL`;
  }
  const kinds = Prisma.join(signedKinds);
  const { id } = filter.author;
  return Prisma.sql`"a"."kind" IN (${kinds}) AND (
      (SELECT 1 FROM "RevisionAuthor" AS "ra" WHERE "ra"."revisionId" = "a"."liveRevisionId" AND "ra"."userId" = ${id} LIMIT 1) IS NOT NULL
      OR ("a"."authorId" = ${id} AND "a"."kind" IN (${ownerSignedSql}) AND (SELECT 1 FROM "RevisionAuthor" AS "rb" WHERE "rb"."revisionId" = "a"."liveRevisionId" LIMIT 1) IS NULL))`;
}

const walkable = (filter: ListingFilter | { tagSlugs: string[] }): filter is { author: { id: string; segment: string } } | { tagSlug: string } | { tagSlugs: string[] } =>
  "author" in filter || "tagSlug" in filter || "tagSlugs" in filter;

/** The newest live articles that are a writer's or a topic's, from the publication-date index down. */
async function newestByWalking(
  client: Client,
  filter: { author: { id: string; segment: string } } | { tagSlug: string } | { tagSlugs: string[] },
  { offset, limit, others = Prisma.empty }: { offset: number; limit: number; others?: Prisma.Sql },
): Promise<string[]> {
  const member = membership("tagSlug" in filter ? { tagSlugs: [filter.tagSlug] } : filter);
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT "a"."id" AS "id" FROM "Article" AS "a" WHERE ${liveSql("a")} AND ${member} ${others}
    ORDER BY "a"."publishedAt" DESC, "a"."id" DESC LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((row) => row.id);
}

/**
 * How many articles a filter selects, counting no further than `cap` + 1 (to know whether there
 * are more): each side on its own, so that a writer's signed stories can answer alone (counted
 * together, PostgreSQL ran their other side in full in parallel, 240 ms at a million articles).
 */
async function countUpTo(client: Client, filter: ListingFilter | { tagSlugs: string[] }, cap: number): Promise<{ total: number; more: boolean }> {
  let counted = 0;
  for (const from of selections(filter)) {
    const [row] = await client.$queryRaw<{ total: number | bigint }[]>`SELECT count(*) AS "total" FROM (SELECT 1 AS "one" ${from} LIMIT ${cap + 1 - counted}) AS "counted"`;
    counted += Number(row?.total ?? 0);
    if (counted > cap) return { total: cap, more: true };
  }
  return { total: counted, more: false };
}

/**
 * The newest of a filter's articles read from its own rows and sorted: for a writer or a topic,
 * gathered first (MATERIALIZED), since a planner that guesses the topic large would walk the whole
 * publication-date index for it instead (7 s for a topic of one story, at a million articles).
 * A section or a kind walks its own index, which stops at the page.
 */
async function newestBySorting(
  client: Client,
  filter: ListingFilter | { tagSlugs: string[] },
  { offset, limit, others = Prisma.empty }: { offset: number; limit: number; others?: Prisma.Sql },
): Promise<string[]> {
  const distinct = "tagSlugs" in filter && filter.tagSlugs.length > 1 ? Prisma.sql`DISTINCT` : Prisma.empty;
  const rows = walkable(filter)
    ? await client.$queryRaw<{ id: string }[]>`
        WITH "listed" AS MATERIALIZED (SELECT ${distinct} "a"."id" AS "id", "a"."publishedAt" AS "publishedAt" ${selection(filter)} ${others})
        SELECT "id" FROM "listed" ORDER BY "publishedAt" DESC, "id" DESC LIMIT ${limit} OFFSET ${offset}`
    : await client.$queryRaw<{ id: string }[]>`
        SELECT "a"."id" AS "id" ${selection(filter)} ${others} ORDER BY "a"."publishedAt" DESC, "a"."id" DESC LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((row) => row.id);
}

/**
 * One page of a listing, newest first (then by id, so pages never overlap), and its total, counted
 * to `listingCountAhead` pages past this one. A writer or topic with more than that is walked
 * (`newestByWalking`) for its first pages; one with fewer is read from its own rows and sorted.
 */
export async function listingIds(
  client: Client,
  filter: ListingFilter,
  { offset, limit, countAhead = listingCountAhead }: { offset: number; limit: number; countAhead?: number },
): Promise<ListingIds> {
  const counted = await countUpTo(client, filter, offset + limit * (countAhead + 1));
  if (counted.total <= offset) return { ids: [], ...counted };
  const ids =
    counted.more && walkable(filter) && offset < deepestWalk
      ? await newestByWalking(client, filter, { offset, limit })
      : await newestBySorting(client, filter, { offset, limit });
  return { ids, ...counted };
}

/** Whether a filter selects any live article at all (a writer's page exists only if so). */
export async function anyListed(client: Client, filter: ListingFilter): Promise<boolean> {
  // Side by side: asked as one union, PostgreSQL ran a writer's two sides in parallel to the end (300 ms).
  for (const from of selections(filter)) {
    if ((await client.$queryRaw<unknown[]>`SELECT 1 ${from} LIMIT 1`).length > 0) return true;
  }
  return false;
}

/**
 * The newest live articles of a filter, or sharing any of `tagSlugs`, leaving out `excluding`: the
 * "read next" list at the foot of an article.
 */
export async function newestIds(
  client: Client,
  filter: ListingFilter | { tagSlugs: string[] },
  { limit, excluding, sortedUpTo = newestSortedUpTo }: { limit: number; excluding: string[]; sortedUpTo?: number },
): Promise<string[]> {
  if (limit <= 0 || ("tagSlugs" in filter && filter.tagSlugs.length === 0)) return [];
  const others = excluding.length > 0 ? Prisma.sql`AND "a"."id" NOT IN (${Prisma.join(excluding)})` : Prisma.empty;
  // Topics with many stories are walked, as their listings are; a few are read and sorted. (Of
  // several topics, a story in two is counted twice: the count only chooses the way.)
  const many = walkable(filter) && (await countUpTo(client, filter, sortedUpTo)).more;
  return many ? newestByWalking(client, filter, { offset: 0, limit, others }) : newestBySorting(client, filter, { offset: 0, limit, others });
}

/** Up to how many stories "read next" sorts; past it, it walks the publication-date index. */
const newestSortedUpTo = 1_000;

/**
 * The topics and the writers that have a page: those with at least one live story (signed, for a
 * writer), for the sitemap of pages. Each topic and writer is asked from its own side by a scalar
 * subquery that stops at the first live story (`LIMIT 1`), run once per row on both databases: an
 * `EXISTS` let PostgreSQL turn it into a join over every tag row (3–12 s at a million articles), and
 * Prisma's `some`/`none` filters walked every live article for each writer on SQLite (5–11 s at
 * 50,000). On SQLite, CROSS JOIN keeps the order, and `+` keeps the kind's index from being
 * preferred to the owner's.
 */
export async function withLivePages(client: Client): Promise<{ tagSlugs: string[]; writers: { id: string; slug: string | null }[] }> {
  const sqlite = databaseProvider() === "sqlite";
  const join = sqlite ? Prisma.sql`CROSS JOIN` : Prisma.sql`JOIN`;
  const ownKind = sqlite ? Prisma.sql`+"a"."kind"` : Prisma.sql`"a"."kind"`;
  const live = liveSql("a");
  const kinds = Prisma.join(signedKinds);
  const [tags, writers] = await Promise.all([
    client.$queryRaw<{ slug: string }[]>`
      SELECT "t"."slug" AS "slug" FROM "Tag" AS "t"
      WHERE (
        SELECT 1 FROM "RevisionTag" AS "rt" ${join} "Article" AS "a" ON "a"."liveRevisionId" = "rt"."revisionId"
        WHERE "rt"."tagId" = "t"."id" AND ${live} LIMIT 1) IS NOT NULL
      ORDER BY "t"."slug"`,
    client.$queryRaw<{ id: string; slug: string | null }[]>`
      SELECT "u"."id" AS "id", "u"."slug" AS "slug" FROM "User" AS "u"
      WHERE (
          SELECT 1 FROM "RevisionAuthor" AS "ra" ${join} "Article" AS "a" ON "a"."liveRevisionId" = "ra"."revisionId"
          WHERE "ra"."userId" = "u"."id" AND "a"."kind" IN (${kinds}) AND ${live} LIMIT 1) IS NOT NULL
        OR (
          SELECT 1 FROM "Article" AS "a"
          WHERE "a"."authorId" = "u"."id" AND ${ownKind} IN (${ownerSignedSql}) AND ${live}
            AND NOT EXISTS (SELECT 1 FROM "RevisionAuthor" AS "b" WHERE "b"."revisionId" = "a"."liveRevisionId") LIMIT 1) IS NOT NULL`,
  ]);
  return { tagSlugs: tags.map((tag) => tag.slug), writers };
}
