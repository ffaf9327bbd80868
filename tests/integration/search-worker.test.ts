/**
 * The search worker (lib/articles/search-worker.ts) on a real database: it answers exactly what
 * the Prisma path answers, sees a publication committed on the main connection at once, and
 * when it dies the search is still answered and the next one starts a new worker.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { indexMissing, searchArticleIds } = await import("@/lib/articles/search-index");
const { searchWorker } = await import("@/lib/articles/search-worker");
const { cardRows, cardsFromRows } = await import("@/lib/articles/card-rows");

let editor: { id: string; role: "editor" };
let city: string;
const direct = (request: { query: string; offset: number; limit: number }) => searchArticleIds(db, request);
let fellBack = 0;
const worker = searchWorker({
  fallback: (request) => {
    fellBack += 1;
    return direct(request);
  },
});

async function publish(headline: string, body: string) {
  const { id } = await createArticle({
    fields: { headline, dateline: "HARBOURTON", standfirst: "", sectionId: city, kind: "news", body },
    actor: editor,
    now: new Date(),
  });
  await moveArticle({ input: { articleId: id, action: "publish" }, actor: editor, now: new Date() });
  return id;
}

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  editor = { id: (await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } })).id, role: "editor" };
  city = (await db.section.findUniqueOrThrow({ where: { slug: "city" } })).id;
  await indexMissing(db);
});

afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
});

describe("the search worker", () => {
  it("answers what the main thread answers, page by page, and nothing for a query with no words", async () => {
    for (let n = 0; n < 7; n += 1) await publish(`Otter survey ${n}`, `Volunteers counted otters along reach ${n}.`);
    for (const request of [
      { query: "otter", offset: 0, limit: 5 },
      { query: "otter", offset: 5, limit: 5 },
      { query: "otters volunteers", offset: 0, limit: 20 },
      { query: "harbour", offset: 0, limit: 20 },
      { query: "nothing-like-this-anywhere", offset: 0, limit: 20 },
    ]) {
      const { cards, ...viaWorker } = await worker.search(request);
      const expected = await direct(request);
      expect(viaWorker, request.query).toEqual(expected);
      // The cards it read beside them are those the main thread reads for those ids.
      expect(cardsFromRows(cards!), request.query).toEqual(await cardRows(db, expected.ids));
    }
    expect((await worker.search({ query: "otter", offset: 0, limit: 20 })).total).toBe(7);
    expect(await worker.search({ query: "  ?! ", offset: 0, limit: 20 })).toEqual({ ids: [], total: 0 });
    expect((await worker.search({ query: "nothing-like-this-anywhere", offset: 0, limit: 20 })).cards).toEqual([]);
    expect(fellBack).toBe(0);
  });

  it("ranks the newest matches when more match than its window, as the main thread does", async () => {
    const narrow = searchWorker({ fallback: direct, window: 3 });
    try {
      for (const request of [
        { query: "otter", offset: 0, limit: 5 },
        { query: "otter", offset: 3, limit: 5 },
        { query: "Otter survey 0", offset: 0, limit: 5 },
      ]) {
        const { cards, ...viaWorker } = await narrow.search(request);
        expect(viaWorker, `${request.query} from ${request.offset}`).toEqual(await searchArticleIds(db, request, { window: 3 }));
        expect(cards).toHaveLength(viaWorker.ids.length);
      }
      expect(await narrow.search({ query: "otter", offset: 0, limit: 20 })).toMatchObject({ total: 3, capped: true });
    } finally {
      await narrow.stop();
    }
  });

  it("finds a story the moment its publication commits, and loses it the moment it is withdrawn", async () => {
    const id = await publish("Pelican returns to the quay", "The pelican was last seen in spring.");
    expect((await worker.search({ query: "pelican", offset: 0, limit: 20 })).ids).toEqual([id]);
    await moveArticle({ input: { articleId: id, action: "unpublish" }, actor: editor, now: new Date() });
    expect((await worker.search({ query: "pelican", offset: 0, limit: 20 })).total).toBe(0);
    expect(fellBack).toBe(0);
  });

  it("starts a new worker for the next search once its worker is gone", async () => {
    const before = await worker.search({ query: "otter", offset: 0, limit: 20 });
    await worker.stop();
    expect(await worker.search({ query: "otter", offset: 0, limit: 20 })).toEqual(before);
    expect(before.cards).toHaveLength(7);
    expect(fellBack).toBe(0);
  });

  it("answers on the main thread a search whose worker dies under it", async () => {
    // A worker that cannot open its database dies as it starts, with the search already sent to it.
    let answeredHere = 0;
    const broken = searchWorker({
      file: "/nonexistent/newsdesk.db",
      fallback: (request) => {
        answeredHere += 1;
        return direct(request);
      },
    });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const answer = await broken.search({ query: "otter", offset: 0, limit: 20 });
    quiet.mockRestore();
    expect(answer).toEqual(await direct({ query: "otter", offset: 0, limit: 20 }));
    expect(answer.cards).toBeUndefined();
    expect(answer.total).toBe(7);
    expect(answeredHere).toBe(1);
    await broken.stop();
  });
});
