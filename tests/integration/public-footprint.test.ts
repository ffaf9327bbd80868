/**
 * Where an article shows (readPublicFootprint, lib/public-cache/index.ts) is read with plain
 * statements: for every article of the demo newsroom, live or not, it must say what Prisma's nested
 * select of the same facts says, on SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { readPublicFootprint } = await import("@/lib/public-cache/index");
const { authorSegments, publicByline } = await import("@/lib/articles/bylines");
const { isLive } = await import("@/lib/articles/live");
const { sitemapMonth } = await import("@/lib/articles/sitemaps");
const { createArticle } = await import("@/lib/articles/commands/create-article");

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const editor = await db.user.findFirstOrThrow({ where: { role: "editor" } });
  // A draft (not live), and a correction on a live story if the demo has none.
  const section = await db.section.findFirstOrThrow();
  await createArticle({
    fields: { headline: "Never published", dateline: "HARBOURTON", standfirst: "", sectionId: section.id, kind: "news", body: "Draft.", bylineIds: [editor.id] },
    actor: { id: editor.id, role: "editor" },
    now: new Date(),
  });
  if ((await db.correction.count()) === 0) {
    const live = await db.article.findFirstOrThrow({ where: { status: "published" } });
    await db.correction.create({ data: { articleId: live.id, kind: "correction", text: "An earlier version misspelt the quay.", createdById: editor.id } });
  }
});

afterAll(async () => {
  await db.$disconnect();
});

const person = { select: { id: true, name: true, slug: true } } as const;

/** The same facts through Prisma's nested select (what readPublicFootprint read until 2026-12-01). */
async function expectedFootprint(articleId: string) {
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      slug: true,
      kind: true,
      status: true,
      publishedAt: true,
      liveRevisionId: true,
      section: { select: { slug: true } },
      author: person,
      liveRevision: { select: { bylines: { select: { position: true, user: person } }, tags: { select: { tag: { select: { slug: true } } } } } },
      _count: { select: { corrections: true } },
    },
  });
  const live = isLive(article) ? article.liveRevision : null;
  if (!live) return null;
  const kind = article.kind as Parameters<typeof publicByline>[0];
  return {
    slug: article.slug,
    sectionSlug: article.section.slug,
    kind,
    authorSegments: authorSegments(publicByline(kind, live.bylines, article.author)),
    tagSlugs: live.tags.map(({ tag }) => tag.slug).sort(),
    hasCorrections: article._count.corrections > 0,
    publishedMonth: sitemapMonth(article.publishedAt ?? new Date()),
  };
}

it("says where every demo article shows, as the nested select does", async () => {
  const articles = await db.article.findMany({ select: { id: true } });
  const footprints = [];
  for (const { id } of articles) {
    const footprint = await readPublicFootprint(db, id);
    footprints.push(footprint);
    expect(footprint && { ...footprint, tagSlugs: [...footprint.tagSlugs].sort() }, id).toEqual(await expectedFootprint(id));
  }
  // What the comparison needs to mean something: stories not live, with topics, with corrections.
  expect(footprints.some((footprint) => footprint === null)).toBe(true);
  expect(footprints.some((footprint) => (footprint?.tagSlugs.length ?? 0) > 0)).toBe(true);
  expect(footprints.some((footprint) => footprint?.hasCorrections)).toBe(true);
});

it("reads inside a transaction as well", async () => {
  const [first] = await db.article.findMany({ where: { status: "published" }, take: 1, select: { id: true } });
  const inside = await db.$transaction((tx) => readPublicFootprint(tx, first!.id));
  expect(inside).toEqual(await readPublicFootprint(db, first!.id));
  expect(await readPublicFootprint(db, "no-such-article")).toBeNull();
});
