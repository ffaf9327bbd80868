/**
 * The same code on PostgreSQL: a real server in a throwaway folder (lib/postgres/server.ts), its
 * migration history applied (lib/postgres/migrate.ts), and then the demo newsroom seeded and the
 * reporter → editor → reader loop run through the very commands and public reads the app uses on
 * SQLite, search included (PostgreSQL's full-text search, its migration 0002).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedPostgres } from "./newspaper-database";

const server = await migratedPostgres();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { indexMissing, searchArticleIds } = await import("@/lib/articles/search-index");
const { warmSearchIndex, describeWarmUp } = await import("@/lib/articles/search-warm-up");
const queries = await import("@/lib/articles/public-queries");
const { closeArticleRouting, routeArticlePath } = await import("@/lib/articles/public-routing");

type Person = { id: string; role: "reporter" | "editor" | "admin" };
let reporter: Person;
let editor: Person;
let city: string;
const person = async (email: string): Promise<Person> => {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, role: user.role as Person["role"] };
};

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  await indexMissing(db);
  reporter = await person("reporter@example.com");
  editor = await person("editor@example.com");
  city = (await db.section.findUniqueOrThrow({ where: { slug: "city" } })).id;
}, 120_000);

afterAll(async () => {
  await closeArticleRouting();
  await db.$disconnect();
  await server.stop();
});

describe("Newsdesk on PostgreSQL", () => {
  it("seeds the demo newsroom: its front page, Opinion and search work", async () => {
    const [reply] = await db.$queryRawUnsafe<{ version: string }[]>("SELECT version()");
    expect(reply?.version).toMatch(/^PostgreSQL 1\d/);
    const front = await queries.listLatestNews(5);
    expect(front.length).toBeGreaterThan(0);
    expect((await queries.listOpinion(5)).length).toBeGreaterThan(0);
    const lead = front[0]!;
    const word = lead.headline.split(/\s+/).find((each) => each.length > 5)!;
    expect((await queries.searchPublished(word, 1)).items.map((item) => item.id)).toContain(lead.id);
  });

  it("reads what readers' search reads into the database's memory, and says why when it cannot", async () => {
    let clock = 1_000;
    const warmed = await warmSearchIndex(db, () => (clock += 400));
    if ("skipped" in warmed) throw new Error(warmed.skipped);
    // The search table, its TOAST table (long texts and their tsvectors), and every index of both.
    expect(warmed.relations).toEqual(expect.arrayContaining(['"ArticleSearchText"', '"ArticleSearchText_document_idx"', '"ArticleSearchText_articleId_key"']));
    expect(warmed.relations.filter((name) => name.startsWith("pg_toast."))).toHaveLength(2);
    const [size] = await db.$queryRawUnsafe<{ bytes: bigint }[]>(
      `SELECT sum(pg_relation_size("name"::regclass))::bigint AS "bytes" FROM unnest($1::text[]) AS "name"`,
      warmed.relations,
    );
    expect(warmed.bytes).toBe(Number(size!.bytes));
    expect(warmed.bytes).toBeGreaterThan(0);
    expect(describeWarmUp(warmed)).toMatch(/^Search index: read into the database's memory \(\d+ MiB, \d+ tables and indexes, in 0\.4 s\)\.$/);

    await db.$executeRawUnsafe("DROP EXTENSION pg_prewarm");
    try {
      const skipped = await warmSearchIndex(db);
      expect(describeWarmUp(skipped)).toBe("Search index: not read into memory at start: pg_prewarm is not installed (a superuser can: CREATE EXTENSION pg_prewarm).");
    } finally {
      await db.$executeRawUnsafe("CREATE EXTENSION pg_prewarm");
    }
  });

  it("ranks a search's newest matches when more match, and an exact headline first whatever its age", async () => {
    // The demo stories, oldest first in the index (its "id"), and a word most of them hold.
    const indexed = await db.$queryRawUnsafe<{ articleId: string; headline: string; document: string }[]>(
      `SELECT "articleId", "headline", "document"::text AS "document" FROM "ArticleSearchText" ORDER BY "id"`,
    );
    const word = ["council", "city", "year", "people", "new"].find((each) => indexed.filter((row) => row.document.includes(`'${each}'`)).length >= 5)!;
    const holding = indexed.filter((row) => row.document.includes(`'${word}'`));
    expect(holding.length).toBeGreaterThanOrEqual(5);

    const all = await searchArticleIds(db, { query: word, offset: 0, limit: 50 });
    expect(all).toEqual({ ids: expect.any(Array), total: holding.length });
    expect(all.ids.sort()).toEqual(holding.map((row) => row.articleId).sort());

    // A window of 3: the newest 3 matches, ranked, and a count that says more matched.
    const windowed = await searchArticleIds(db, { query: word, offset: 0, limit: 50 }, { window: 3 });
    expect(windowed.capped).toBe(true);
    expect(windowed.total).toBe(3);
    expect(windowed.ids.sort()).toEqual(holding.slice(-3).map((row) => row.articleId).sort());

    // The oldest story's exact headline, quoted in the newest story too: a window of one holds the
    // newest, and the oldest still comes first.
    const [oldest, newest] = [indexed[0]!, indexed.at(-1)!];
    const quote = `UPDATE "ArticleSearchText" SET "body" = "body" || $1 WHERE "articleId" = $2`;
    await db.$executeRawUnsafe(quote, ` As the old story put it: ${oldest.headline}.`, newest.articleId);
    try {
      const exact = await searchArticleIds(db, { query: oldest.headline, offset: 0, limit: 5 }, { window: 1 });
      expect(exact.ids).toEqual([oldest.articleId, newest.articleId]);
    } finally {
      await db.$executeRawUnsafe(`UPDATE "ArticleSearchText" SET "body" = left("body", -length($1)) WHERE "articleId" = $2`, ` As the old story put it: ${oldest.headline}.`, newest.articleId);
    }
  });

  it("takes a story from the reporter's draft through review to readers, then out again", async () => {
    const { id } = await createArticle({
      fields: {
        headline: "Cormorants nest on the old lighthouse",
        dateline: "HARBOURTON",
        standfirst: "The colony is the first on the coast in forty years.",
        sectionId: city,
        kind: "news",
        body: "Wardens counted eleven nests on the gallery rail this week.",
      },
      actor: reporter,
      now: new Date(),
    });
    await moveArticle({ input: { articleId: id, action: "submit" }, actor: reporter, now: new Date() });
    await expect(moveArticle({ input: { articleId: id, action: "publish" }, actor: reporter, now: new Date() })).rejects.toThrow();
    await moveArticle({ input: { articleId: id, action: "publish" }, actor: editor, now: new Date() });

    const { slug } = await db.article.findUniqueOrThrow({ where: { id }, select: { slug: true } });
    const article = await queries.getPublishedArticle(slug);
    expect(article?.headline).toBe("Cormorants nest on the old lighthouse");
    const section = await queries.listPublishedPage({ sectionSlug: "city" }, 1);
    expect(section.items[0]!.id).toBe(id);
    expect(section.total).toBeGreaterThan(1);
    const writer = await queries.listPublishedPage({ author: { id: reporter.id, segment: "reporter" } }, 1);
    expect(writer.items.map((item) => item.id)).toContain(id);

    // Ranked: a headline match above a body match, words stemmed ("nests" finds "nest").
    const found = await queries.searchPublished("cormorant nests", 1);
    expect(found.items[0]!.id).toBe(id);
    expect(found.total).toBe(1);

    // The server's routing: the live address goes to its page, an old one moves, a stray is missing.
    await db.articleRedirect.create({ data: { path: "/city/cormorants-on-the-lighthouse", articleId: id } });
    expect(await routeArticlePath(`/city/${slug}`)).toBeNull();
    expect(await routeArticlePath("/city/cormorants-on-the-lighthouse")).toEqual({ kind: "moved", to: `/city/${slug}` });
    expect(await routeArticlePath("/city/no-such-story")).toEqual({ kind: "missing" });

    await moveArticle({ input: { articleId: id, action: "unpublish" }, actor: editor, now: new Date() });
    expect(await queries.getPublishedArticle(slug)).toBeNull();
    expect(await routeArticlePath(`/city/${slug}`)).toEqual({ kind: "gone" });
    expect(await routeArticlePath("/city/cormorants-on-the-lighthouse")).toEqual({ kind: "gone" });
    expect((await queries.searchPublished("cormorants", 1)).total).toBe(0);
  });
});
