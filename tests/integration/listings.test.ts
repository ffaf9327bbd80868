/**
 * A writer's and a topic's listing (lib/articles/listing-ids.ts) is read two ways: a short one from
 * its own rows, sorted; a long one by walking the publication-date index. Forced each way on the
 * demo newsroom, both must give every page the order readers expect (newest first, then by id),
 * worked out here from the articles themselves, on SQLite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { listingIds, newestIds, signedKinds } = await import("@/lib/articles/listing-ids");
const { isLive } = await import("@/lib/articles/live");

type Live = { id: string; publishedAt: Date; kind: string; authorId: string; bylines: string[]; tags: string[] };
let live: Live[] = [];

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  // Two live stories from before bylines (their live revision names nobody): their owner's. And a
  // letter its writer signs in the text: nobody's, like its page says.
  const unsigned = await db.article.findMany({ where: { status: "published", kind: "news" }, orderBy: { publishedAt: "asc" }, take: 2, select: { liveRevisionId: true } });
  const letter = await db.article.findFirstOrThrow({ where: { status: "published", kind: "letter" }, select: { liveRevisionId: true } });
  await db.revisionAuthor.deleteMany({ where: { revisionId: { in: [...unsigned, letter].map((article) => article.liveRevisionId!) } } });
  const articles = await db.article.findMany({
    select: {
      id: true,
      status: true,
      kind: true,
      authorId: true,
      publishedAt: true,
      liveRevisionId: true,
      liveRevision: { select: { bylines: { select: { userId: true } }, tags: { select: { tag: { select: { slug: true } } } } } },
    },
  });
  live = articles.filter(isLive).map((article) => ({
    id: article.id,
    publishedAt: article.publishedAt!,
    kind: article.kind,
    authorId: article.authorId,
    bylines: article.liveRevision?.bylines.map((byline) => byline.userId) ?? [],
    tags: article.liveRevision?.tags.map((tag) => tag.tag.slug) ?? [],
  }));
});

afterAll(async () => {
  await db.$disconnect();
});

const newestFirst = (a: Live, b: Live) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
/** As the story's page signs it (lib/articles/bylines.ts): its byline, or its owner for a story, never for a letter. */
const signed = (article: Live, userId: string) =>
  (signedKinds as readonly string[]).includes(article.kind) &&
  (article.bylines.includes(userId) || (article.bylines.length === 0 && article.kind !== "letter" && article.authorId === userId));

function expectedWriter(userId: string) {
  return live.filter((article) => signed(article, userId)).sort(newestFirst).map((article) => article.id);
}
function expectedTopic(slug: string) {
  return live.filter((article) => article.tags.includes(slug)).sort(newestFirst).map((article) => article.id);
}

/** The busiest writer and topic of the demo newsroom: enough stories for several pages of two. */
function busiest(counts: Map<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

describe("a listing read either way gives the same pages", () => {
  it("every writer's, sorted from their rows and walked down the index, stories from before bylines included", async () => {
    const writers = [...new Set(live.flatMap((article) => [...article.bylines, article.authorId]))];
    expect(Math.max(...writers.map((id) => expectedWriter(id).length))).toBeGreaterThan(4);
    const fromBeforeBylines = live.filter((article) => article.kind === "news" && article.bylines.length === 0);
    expect(fromBeforeBylines).toHaveLength(2);
    expect(fromBeforeBylines.every((article) => expectedWriter(article.authorId).includes(article.id))).toBe(true);
    const unsignedLetter = live.find((article) => article.kind === "letter" && article.bylines.length === 0)!;
    expect(expectedWriter(unsignedLetter.authorId)).not.toContain(unsignedLetter.id);
    for (const userId of writers) {
      const expected = expectedWriter(userId);
      const filter = { author: { id: userId, segment: "any" } };
      for (let offset = 0; offset < expected.length + 2; offset += 2) {
        const sorted = await listingIds(db, filter, { offset, limit: 2 });
        expect(sorted).toEqual({ ids: expected.slice(offset, offset + 2), total: expected.length, more: false });
        // Counted no further than the page: a long listing, which is walked.
        const walked = await listingIds(db, filter, { offset, limit: 2, countAhead: 0 });
        expect(walked).toEqual({ ids: expected.slice(offset, offset + 2), total: Math.min(offset + 2, expected.length), more: offset + 2 < expected.length });
      }
    }
  });

  it("a topic's, sorted from its rows and walked down the index", async () => {
    const counts = new Map<string, number>();
    for (const article of live) for (const slug of article.tags) counts.set(slug, (counts.get(slug) ?? 0) + 1);
    const slug = busiest(counts);
    const expected = expectedTopic(slug);
    expect(expected.length).toBeGreaterThan(2);
    for (let offset = 0; offset < expected.length + 1; offset += 1) {
      expect((await listingIds(db, { tagSlug: slug }, { offset, limit: 1 })).ids).toEqual(expected.slice(offset, offset + 1));
      const walked = await listingIds(db, { tagSlug: slug }, { offset, limit: 1, countAhead: 0 });
      expect(walked).toEqual({ ids: expected.slice(offset, offset + 1), total: Math.min(offset + 1, expected.length), more: offset + 1 < expected.length });
    }
  });

  it("read next: the newest sharing a topic, sorted or walked, leaving out the story itself", async () => {
    const withTags = live.filter((article) => article.tags.length > 1).sort(newestFirst).at(-1)!;
    const sharing = live
      .filter((article) => article.id !== withTags.id && article.tags.some((tag) => withTags.tags.includes(tag)))
      .sort(newestFirst)
      .map((article) => article.id);
    expect(sharing.length).toBeGreaterThan(1);
    const ask = { limit: 3, excluding: [withTags.id] };
    expect(await newestIds(db, { tagSlugs: withTags.tags }, ask)).toEqual(sharing.slice(0, 3));
    expect(await newestIds(db, { tagSlugs: withTags.tags }, { ...ask, sortedUpTo: 0 })).toEqual(sharing.slice(0, 3));
  });

  it("a writer with nothing signed has an empty listing, either way", async () => {
    const nobody = { author: { id: "no-such-writer", segment: "nobody" } };
    expect(await listingIds(db, nobody, { offset: 0, limit: 20 })).toEqual({ ids: [], total: 0, more: false });
    expect(await listingIds(db, nobody, { offset: 0, limit: 20, countAhead: 0 })).toEqual({ ids: [], total: 0, more: false });
  });
});
