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
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/database-url";
import { articleKinds, hasByline, type ArticleKind } from "./kinds";
import { liveSql } from "./live-sql";

type Client = PrismaClient | Tx;

/** The kinds that carry a byline: what a writer's page lists. */
export const signedKinds = articleKinds.filter(hasByline);

export type ListingFilter =
  | { sectionSlug: string }
  | { kinds: readonly ArticleKind[] }
  | { author: { id: string; segment: string } }
  | { tagSlug: string };

export type ListingIds = { ids: string[]; total: number };

/** The live articles a filter selects, as a FROM … WHERE that yields "a" (an Article row). */
function selection(filter: ListingFilter | { tagSlugs: string[] }): Prisma.Sql {
  // SQLite keeps the order of a CROSS JOIN; PostgreSQL plans a JOIN well and has no CROSS JOIN … ON.
  const join = databaseProvider() === "sqlite" ? Prisma.sql`CROSS JOIN` : Prisma.sql`JOIN`;
  const live = liveSql("a");
  if ("tagSlug" in filter || "tagSlugs" in filter) {
    // One tag's rows name each article once; of several tags, the caller asks for DISTINCT.
    const slugs = "tagSlug" in filter ? [filter.tagSlug] : filter.tagSlugs;
    return Prisma.sql`
      FROM "Tag" AS "t"
      ${join} "RevisionTag" AS "rt" ON "rt"."tagId" = "t"."id"
      ${join} "Article" AS "a" ON "a"."liveRevisionId" = "rt"."revisionId"
      WHERE "t"."slug" IN (${Prisma.join(slugs.map((slug) => Prisma.sql`${slug}`))}) AND ${live}`;
  }
  if ("author" in filter) {
    // Signed in the live revision's byline, or (a revision from before bylines) their own story.
    const kinds = Prisma.join(signedKinds.map((kind) => Prisma.sql`${kind}`));
    // Each side keeps only live stories of signed kinds before the union, so a writer who owns
    // many unsigned pieces (an opinion editor's editorials) costs nothing for them.
    return Prisma.sql`
      FROM (
        SELECT "signed"."id" AS "id" FROM "RevisionAuthor" AS "ra"
        ${join} "Article" AS "signed" ON "signed"."liveRevisionId" = "ra"."revisionId"
        WHERE "ra"."userId" = ${filter.author.id} AND "signed"."kind" IN (${kinds}) AND ${liveSql("signed")}
        UNION
        SELECT "own"."id" FROM "Article" AS "own"
        WHERE "own"."authorId" = ${filter.author.id} AND "own"."kind" IN (${kinds}) AND ${liveSql("own")}
          AND NOT EXISTS (SELECT 1 FROM "RevisionAuthor" WHERE "RevisionAuthor"."revisionId" = "own"."liveRevisionId")
      ) AS "theirs"
      ${join} "Article" AS "a" ON "a"."id" = "theirs"."id"
      WHERE "a"."kind" IN (${kinds}) AND ${live}`;
  }
  if ("sectionSlug" in filter) {
    return Prisma.sql`
      FROM "Article" AS "a"
      WHERE "a"."sectionId" = (SELECT "id" FROM "Section" WHERE "slug" = ${filter.sectionSlug}) AND ${live}`;
  }
  const kinds = Prisma.join(filter.kinds.map((kind) => Prisma.sql`${kind}`));
  return Prisma.sql`FROM "Article" AS "a" WHERE "a"."kind" IN (${kinds}) AND ${live}`;
}

/** One page of a listing, newest first (then by id, so pages never overlap), and its total. */
export async function listingIds(client: Client, filter: ListingFilter, { offset, limit }: { offset: number; limit: number }): Promise<ListingIds> {
  const from = selection(filter);
  const [rows, counted] = await Promise.all([
    client.$queryRaw<{ id: string }[]>`SELECT "a"."id" AS "id" ${from} ORDER BY "a"."publishedAt" DESC, "a"."id" DESC LIMIT ${limit} OFFSET ${offset}`,
    client.$queryRaw<{ total: number | bigint }[]>`SELECT count(*) AS "total" ${from}`,
  ]);
  return { ids: rows.map((row) => row.id), total: Number(counted[0]?.total ?? 0) };
}

/** Whether a filter selects any live article at all (a writer's page exists only if so). */
export async function anyListed(client: Client, filter: ListingFilter): Promise<boolean> {
  const rows = await client.$queryRaw<unknown[]>`SELECT 1 ${selection(filter)} LIMIT 1`;
  return rows.length > 0;
}

/**
 * The newest live articles of a filter, or sharing any of `tagSlugs`, leaving out `excluding`: the
 * "read next" list at the foot of an article.
 */
export async function newestIds(
  client: Client,
  filter: ListingFilter | { tagSlugs: string[] },
  { limit, excluding }: { limit: number; excluding: string[] },
): Promise<string[]> {
  if (limit <= 0 || ("tagSlugs" in filter && filter.tagSlugs.length === 0)) return [];
  const others = excluding.length > 0 ? Prisma.sql`AND "a"."id" NOT IN (${Prisma.join(excluding.map((id) => Prisma.sql`${id}`))})` : Prisma.empty;
  const distinct = "tagSlugs" in filter && filter.tagSlugs.length > 1 ? Prisma.sql`DISTINCT` : Prisma.empty;
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT ${distinct} "a"."id" AS "id", "a"."publishedAt" ${selection(filter)} ${others}
    ORDER BY "a"."publishedAt" DESC, "a"."id" DESC LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

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
  const kinds = Prisma.join(signedKinds.map((kind) => Prisma.sql`${kind}`));
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
          WHERE "a"."authorId" = "u"."id" AND ${ownKind} IN (${kinds}) AND ${live}
            AND NOT EXISTS (SELECT 1 FROM "RevisionAuthor" AS "b" WHERE "b"."revisionId" = "a"."liveRevisionId") LIMIT 1) IS NOT NULL`,
  ]);
  return { tagSlugs: tags.map((tag) => tag.slug), writers };
}
