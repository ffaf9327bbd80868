/**
 * A story page's article is read with one plain statement (lib/articles/article-row.ts): for every
 * article of the demo newsroom it must give readers exactly what Prisma's nested select
 * (`articleSelect`) gave, live or not, with or without a picture, topics and corrections, on SQLite
 * and on PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { readLiveArticle } = await import("@/lib/articles/article-row");
const { articleSelect, toArticle } = await import("@/lib/articles/public-records");
const { liveWhere } = await import("@/lib/articles/live");
const { createArticle } = await import("@/lib/articles/commands/create-article");

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const editor = await db.user.findFirstOrThrow({ where: { role: "editor" } });
  const section = await db.section.findFirstOrThrow();
  // A draft: never found by its slug.
  await createArticle({
    fields: { headline: "Never published either", dateline: "HARBOURTON", standfirst: "", sectionId: section.id, kind: "news", body: "Draft.", bylineIds: [editor.id] },
    actor: { id: editor.id, role: "editor" },
    now: new Date(),
  });
  // Two corrections on one live story, the later one written first in the table.
  const live = await db.article.findFirstOrThrow({ where: liveWhere, orderBy: { publishedAt: "desc" } });
  await db.correction.create({ data: { articleId: live.id, kind: "clarification", text: "A later clarification.", createdById: editor.id, createdAt: new Date("2026-11-02T10:00:00.250Z") } });
  await db.correction.create({ data: { articleId: live.id, kind: "correction", text: "An earlier correction.", createdById: editor.id, createdAt: new Date("2026-11-01T09:30:00.125Z") } });
});

afterAll(async () => {
  await db.$disconnect();
});

it("reads every live story as the nested select does, and no story that is not live", async () => {
  const articles = await db.article.findMany({ select: { slug: true, status: true, liveRevisionId: true } });
  const read = [];
  for (const { slug } of articles) {
    const expected = await db.article.findFirst({ where: { slug, ...liveWhere }, select: articleSelect });
    const record = await readLiveArticle(db, slug);
    expect(record && toArticle(record), slug).toEqual(expected && toArticle(expected));
    if (record) read.push(record);
  }
  // What the comparison needs to mean something.
  expect(articles.length).toBeGreaterThan(read.length);
  expect(read.some((record) => record.liveRevision?.featuredImage)).toBe(true);
  expect(read.some((record) => !record.liveRevision?.featuredImage)).toBe(true);
  expect(read.some((record) => (record.liveRevision?.tags.length ?? 0) > 1)).toBe(true);
  expect(read.some((record) => (record.liveRevision?.bylines.length ?? 0) === 0)).toBe(true);
  const corrected = read.find((record) => record.corrections.length > 1);
  expect(corrected?.corrections.map((correction) => [correction.kind, correction.createdAt.toISOString()])).toEqual([
    ["correction", "2026-11-01T09:30:00.125Z"],
    ["clarification", "2026-11-02T10:00:00.250Z"],
  ]);
  expect(await readLiveArticle(db, "no-such-story")).toBeNull();
});
