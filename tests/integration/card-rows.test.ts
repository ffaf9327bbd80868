/**
 * Readers' cards are read with plain statements (lib/articles/card-rows.ts): they must say exactly
 * what Prisma's nested select said (the body only where the card's excerpt needs it), for every
 * article of the demo newsroom (live or not, with one writer, several or none), on SQLite and on
 * PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { cardRows, newestLiveCardRows } = await import("@/lib/articles/card-rows");
const { opinionKinds } = await import("@/lib/articles/kinds");
const { liveWhere } = await import("@/lib/articles/live");
const { cardSelect, toCard } = await import("@/lib/articles/public-records");
const { isLive } = await import("@/lib/articles/live");
const { createArticle } = await import("@/lib/articles/commands/create-article");

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  // A second writer on a live story, added after the first but printed before them.
  const signed = await db.revisionAuthor.findFirstOrThrow({ where: { revision: { liveOf: { isNot: null } } } });
  const other = await db.user.findFirstOrThrow({ where: { id: { not: signed.userId }, role: "reporter" } });
  await db.revisionAuthor.update({ where: { revisionId_userId: { revisionId: signed.revisionId, userId: signed.userId } }, data: { position: 1 } });
  await db.revisionAuthor.create({ data: { revisionId: signed.revisionId, userId: other.id, position: 0 } });
  // A draft: no live revision.
  const section = await db.section.findFirstOrThrow();
  await createArticle({
    fields: { headline: "Never published", dateline: "HARBOURTON", standfirst: "", sectionId: section.id, kind: "news", body: "Draft.", bylineIds: [other.id] },
    actor: { id: other.id, role: "reporter" },
    now: new Date(),
  });
});

afterAll(async () => {
  await db.$disconnect();
});

it("reads every card as Prisma's nested select does", async () => {
  const expected = await db.article.findMany({ select: { ...cardSelect, status: true, liveRevisionId: true }, orderBy: { id: "asc" } });
  expect(expected.length).toBeGreaterThan(10);
  // What the comparison needs: a story not live, and a byline of more than one.
  expect(expected.some((record) => record.liveRevision === null)).toBe(true);
  expect(expected.some((record) => (record.liveRevision?.bylines.length ?? 0) > 1)).toBe(true);
  // What a card shows is all they must agree on: the body is read only for a card with no standfirst.
  expect(expected.some((record) => record.liveRevision?.standfirst === "")).toBe(true);
  expect(expected.some((record) => record.liveRevision && record.liveRevision.standfirst !== "")).toBe(true);
  const needed = expected.map((record) =>
    record.liveRevision?.standfirst ? { ...record, liveRevision: { ...record.liveRevision, bodyHtml: "" } } : record,
  );
  const read = await cardRows(
    db,
    expected.map((record) => record.id),
  );
  expect(read.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(needed);
  expect(read.filter(isLive).map(toCard)).toEqual(expected.filter(isLive).map(toCard));
});

it("reads nothing for no ids, and leaves out ids that do not exist", async () => {
  expect(await cardRows(db, [])).toEqual([]);
  const [one] = await db.article.findMany({ take: 1, select: { id: true } });
  expect((await cardRows(db, [one!.id, "no-such-article"])).map((row) => row.id)).toEqual([one!.id]);
});

it("reads the newest live cards of some kinds, newest first, as their ids and then their cards would", async () => {
  for (const [kinds, take] of [[["news", "analysis"], 13], [opinionKinds, 8], [["news", "analysis", ...opinionKinds], 500]] as const) {
    const newest = await db.article.findMany({ where: { ...liveWhere, kind: { in: [...kinds] } }, orderBy: { publishedAt: "desc" }, take, select: { id: true } });
    expect(newest.length, kinds.join()).toBeGreaterThan(1);
    const byId = new Map((await cardRows(db, newest.map((row) => row.id))).map((row) => [row.id, row]));
    const read = await newestLiveCardRows(db, take, { kinds });
    expect(read, kinds.join()).toEqual(newest.map((row) => byId.get(row.id)));
  }
  // The story with two writers is among them, its bylines in their printed order.
  const all = await newestLiveCardRows(db, 500, "all");
  expect(all.some((row) => (row.liveRevision?.bylines.length ?? 0) > 1)).toBe(true);
  expect(all.map((row) => row.id)).toEqual((await db.article.findMany({ where: liveWhere, orderBy: { publishedAt: "desc" }, select: { id: true } })).map((row) => row.id));
  const section = all[0]!.section.slug;
  expect((await newestLiveCardRows(db, 500, { sectionSlug: section })).map((row) => row.id)).toEqual(all.filter((row) => row.section.slug === section).map((row) => row.id));
  expect(await newestLiveCardRows(db, 5, { kinds: ["no-such-kind"] })).toEqual([]);
  expect(await newestLiveCardRows(db, 5, { kinds: [] })).toEqual([]);
});
