/**
 * The bench's PostgreSQL seed (scripts/bench-seed.ts): COPY streams, one a table, with the foreign
 * keys' triggers off and the secondary indexes dropped while they fill. What it leaves must be a
 * newsroom the app reads as its own: every row whole, text with its line breaks, the search index
 * computed, every index back, and each field COPY's text format carries unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedPostgres } from "./newspaper-database";

const server = await migratedPostgres();

const { Client } = await import("pg");
const { from: copyFrom } = await import("pg-copy-streams");
const { finished } = await import("node:stream/promises");
const { db } = await import("@/lib/db");
const { copyField, seedBenchNewsroom } = await import("@/scripts/bench-seed");
const { searchArticleIds } = await import("@/lib/articles/search-index");

const benchArticles = 40;
let pg: InstanceType<typeof Client>;
const indexCount = async () =>
  Number(
    (
      await pg.query<{ count: string }>(
        `SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('Article', 'Revision', 'RevisionAuthor', 'RevisionTag', 'ArticleSearchText')`,
      )
    ).rows[0]!.count,
  );
let indexesBefore = 0;

beforeAll(async () => {
  pg = new Client({ connectionString: server.url });
  await pg.connect();
  indexesBefore = await indexCount();
  await seedBenchNewsroom(benchArticles);
}, 120_000);

afterAll(async () => {
  await pg.end();
  await db.$disconnect();
  await server.stop();
});

describe("the bench's PostgreSQL seed", () => {
  it("copies each article whole: its live revision, bylines, topics and search text", async () => {
    const bench = await db.article.findMany({
      where: { slug: { endsWith: "-0" } },
      include: { liveRevision: { include: { bylines: true, tags: true } } },
    });
    const all = await db.article.count({ where: { status: "published", author: { email: { endsWith: "@bench.example" } } } });
    expect(all).toBeGreaterThan(0);
    const first = bench.find((article) => article.liveRevision?.number === 1 && article.body.includes("\n\n"));
    expect(first, "the first bench article, its paragraphs kept").toBeDefined();
    expect(first!.liveRevision!.body).toBe(first!.body);
    expect(first!.liveRevision!.bodyHtml).toContain("<p>");
    expect(first!.publishedAt!.getTime()).toBeLessThan(Date.now());
    expect(first!.publishedAt!.getTime()).toBeGreaterThan(Date.now() - 4 * 365 * 24 * 3_600_000);
    const { rows } = await pg.query<{ missing: string; documents: string }>(
      `SELECT (SELECT count(*) FROM "Article" a WHERE a.status = 'published' AND NOT EXISTS (SELECT 1 FROM "ArticleSearchText" s WHERE s."articleId" = a.id)) AS missing,
              (SELECT count(*) FROM "ArticleSearchText" WHERE document IS NOT NULL AND document <> ''::tsvector) AS documents`,
    );
    expect(Number(rows[0]!.missing)).toBe(0);
    expect(Number(rows[0]!.documents)).toBeGreaterThanOrEqual(benchArticles);
  });

  it("finds a bench story by its exact headline, first", async () => {
    const story = await db.article.findFirstOrThrow({ where: { slug: { endsWith: "-7" }, author: { email: { endsWith: "@bench.example" } } } });
    const { ids } = await searchArticleIds(db, { query: story.headline, offset: 0, limit: 5 });
    expect(ids[0]).toBe(story.id);
  });

  it("builds every secondary index again, and leaves the foreign keys whole", async () => {
    expect(await indexCount()).toBe(indexesBefore);
    const { rows } = await pg.query<{ orphans: string }>(
      `SELECT (SELECT count(*) FROM "Article" a WHERE a."liveRevisionId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Revision" r WHERE r.id = a."liveRevisionId"))
            + (SELECT count(*) FROM "RevisionAuthor" ra WHERE NOT EXISTS (SELECT 1 FROM "Revision" r WHERE r.id = ra."revisionId"))
            + (SELECT count(*) FROM "RevisionTag" rt WHERE NOT EXISTS (SELECT 1 FROM "Tag" t WHERE t.id = rt."tagId")) AS orphans`,
    );
    expect(Number(rows[0]!.orphans)).toBe(0);
  });

  it("writes each field in COPY's text format, read back unchanged", async () => {
    const text = "a\ttab, a back\\slash, \\N, a line\nbreak and a\r\nWindows one";
    const at = new Date("2026-03-29T09:30:12.345Z");
    await pg.query(`CREATE TEMPORARY TABLE "copied" ("text" TEXT NOT NULL, "number" INTEGER NOT NULL, "at" TIMESTAMP(3) NOT NULL)`);
    const stream = pg.query(copyFrom(`COPY "copied" ("text", "number", "at") FROM STDIN`));
    stream.end(`${[text, 7, at].map(copyField).join("\t")}\n`);
    await finished(stream);
    const { rows } = await pg.query<{ text: string; number: number; at: string }>(`SELECT "text", "number", to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at" FROM "copied"`);
    expect(rows).toEqual([{ text, number: 7, at: "2026-03-29T09:30:12.345" }]);
  });
});
