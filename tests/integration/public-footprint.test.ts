/**
 * Where an article shows (readPublicFootprint, lib/public-cache/index.ts) is read with plain
 * statements: for every article of the demo newsroom, live or not, it must say what Prisma's nested
 * select of the same facts says, on SQLite and on PostgreSQL. A move reads where the article will
 * show before it writes (readPublicFootprints), to announce it with its writes: what it expires
 * must be what the footprints read before and after it say.
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
const { saveArticle } = await import("@/lib/articles/commands/save-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { onTagsExpired } = await import("@/lib/public-cache/store");
const { tagsToRefresh } = await import("@/lib/public-cache/tags");

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

it("expires, for each move, what the footprints before and after it say: a republication with new topics, writers and a correction, a withdrawal, a publication", async () => {
  const editor = await db.user.findFirstOrThrow({ where: { role: "editor" } });
  const reporter = await db.user.findFirstOrThrow({ where: { role: "reporter" } });
  const actor = { id: editor.id, role: "editor" as const };
  const story = await db.article.findFirstOrThrow({ where: { status: "published", kind: "news" } });
  const expired: string[] = [];
  const stop = onTagsExpired((tags) => expired.push(...tags));
  const expectMove = async (action: "republish" | "unpublish" | "restore" | "publish", extra: Record<string, unknown> = {}) => {
    const before = await readPublicFootprint(db, story.id);
    expired.length = 0;
    await moveArticle({ input: { articleId: story.id, action, ...extra }, actor, now: new Date() });
    const after = await readPublicFootprint(db, story.id);
    expect([...new Set(expired)].sort(), action).toEqual(tagsToRefresh(before, after));
    return { before, after };
  };
  try {
    const { version } = await db.article.findUniqueOrThrow({ where: { id: story.id } });
    await saveArticle({ input: { articleId: story.id, baseVersion: version, tags: ["Harbour night shift"], bylineIds: [reporter.id, editor.id] }, actor, now: new Date() });
    const republished = await expectMove("republish", { significantUpdate: true, correction: { kind: "correction", text: "An earlier version gave the wrong pier." } });
    expect(republished.after?.tagSlugs).toContain("harbour-night-shift");
    expect(republished.after?.authorSegments).toHaveLength(2);
    expect(republished.after?.hasCorrections).toBe(true);
    expect((await expectMove("unpublish")).after).toBeNull();
    await expectMove("restore");
    const published = await expectMove("publish");
    expect(published.before).toBeNull();
    expect(published.after?.tagSlugs).toContain("harbour-night-shift");
  } finally {
    stop();
  }
});
