/**
 * The desk's article views on a real database: each shows exactly its states, in its order, a page
 * at a time, however its `where` is phrased for the indexes (lib/articles/desk-views.ts); and a
 * list longer than the count limit says "more than" instead of counting every row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { listDeskView } = await import("@/lib/articles/desk-queries");
const { deskViewOrder, deskViews, viewDefinitions } = await import("@/lib/articles/desk-views");
const paging = await import("@/lib/paging");

const editor = { id: "", role: "editor" as const };
let sectionId = "";

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  editor.id = (await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } })).id;
  // Some stories in every state, so each view has rows to show and rows to leave out.
  sectionId = (await db.section.findFirstOrThrow()).id;
  const states = ["draft", "submitted", "changes_requested", "approved", "scheduled", "published", "unpublished", "spiked"] as const;
  await db.article.createMany({ data: stories(64, states) });
});

/** `count` stories taking `states` in turn, a day apart. */
function stories(count: number, states: readonly string[], from = 0) {
  return Array.from({ length: count }, (_, offset) => {
      const index = from + offset;
      const status = states[index % states.length]!;
      const at = new Date(Date.UTC(2026, 0, 1 + index));
      return {
        slug: `desk-view-${index}`,
        kind: "news",
        status,
        sectionId,
        authorId: editor.id,
        headline: `Desk view story ${index}`,
        dateline: "HARBOURTON",
        body: "",
        updatedAt: at,
        publishedAt: status === "published" || status === "unpublished" ? at : null,
        scheduledFor: status === "scheduled" ? new Date(Date.UTC(2027, 0, 1 + index)) : null,
      };
  });
}

afterAll(async () => {
  await db.$disconnect();
});

describe("each desk view", () => {
  it.each(deskViews.filter((view) => view !== "mine"))("%s shows exactly its states, in its order, page after page", async (view) => {
    const { statuses, order } = viewDefinitions[view];
    const expected = await db.article.findMany({ where: { status: { in: [...statuses] } }, orderBy: deskViewOrder(view), select: { id: true, status: true } });
    const shown: string[] = [];
    for (let page = 1; ; page++) {
      const { rows, window } = await listDeskView(editor, { view, page, per: 10 });
      expect(window.total).toBe(expected.length);
      expect(window.more).toBe(false);
      shown.push(...rows.map((row) => row.id));
      if (page >= window.pageCount) break;
    }
    expect(shown).toEqual(expected.map((row) => row.id));
    expect(new Set(expected.map((row) => row.status))).toEqual(new Set(statuses.filter((status) => expected.some((row) => row.status === status))));
    expect(order.by).toBeTruthy();
  });
});

describe("a view filtered by section or kind", () => {
  it.each([
    ["section", (article: { sectionId: string; kind: string }, value: string) => article.sectionId === value],
    ["kind", (article: { sectionId: string; kind: string }, value: string) => article.kind === value],
  ] as const)("Published by %s shows exactly that section's or kind's published and withdrawn stories, newest first", async (filter, matches) => {
    const sections = await db.section.findMany({ select: { id: true, slug: true } });
    const { statuses } = viewDefinitions.published;
    const all = await db.article.findMany({ where: { status: { in: [...statuses] } }, orderBy: deskViewOrder("published"), select: { id: true, sectionId: true, kind: true } });
    const values = filter === "section" ? sections.map((section) => section.id) : [...new Set(all.map((article) => article.kind))];
    let checked = 0;
    for (const value of values) {
      const expected = all.filter((article) => matches(article, value)).map((article) => article.id);
      const query = filter === "section" ? { section: sections.find((section) => section.id === value)!.slug } : { kind: value as "news" };
      const shown: string[] = [];
      for (let page = 1; ; page++) {
        const { rows, window } = await listDeskView(editor, { view: "published", ...query, page, per: 10 });
        expect(window.total).toBe(expected.length);
        shown.push(...rows.map((row) => row.id));
        if (page >= window.pageCount) break;
      }
      expect(shown).toEqual(expected);
      checked += expected.length;
    }
    expect(checked).toBe(all.length);
  });

  it("a section that does not exist shows nothing", async () => {
    const { rows, window } = await listDeskView(editor, { view: "published", section: "no-such-section", page: 1, per: 10 });
    expect(rows).toEqual([]);
    expect(window.total).toBe(0);
  });
});

describe("a view longer than the count limit", () => {
  it("says there are more than the limit, pages on past it, and counts exactly again below it", async () => {
    const limit = paging.countLimit;
    await db.article.createMany({ data: stories(limit + 100, ["spiked"], 1_000) });
    const first = await listDeskView(editor, { view: "spiked", page: 1, per: 25 });
    expect(first.window).toMatchObject({ total: limit, more: true, pageCount: limit / 25 });
    expect(paging.showingLine(first.window)).toBe("Showing 1–25 of more than 10,000");
    // The last counted page, and the page after it, which counting to the page asked for reaches.
    const past = await listDeskView(editor, { view: "spiked", page: limit / 25 + 2, per: 25 });
    expect(past.window).toMatchObject({ page: limit / 25 + 2, more: true });
    expect(past.rows).toHaveLength(25);
    // The Published view is still counted exactly: it has few rows.
    const published = await listDeskView(editor, { view: "published", page: 1, per: 25 });
    expect(published.window.more).toBe(false);
    expect(published.window.total).toBe(await db.article.count({ where: { status: { in: ["published", "unpublished"] } } }));
  }, 60_000);

  it("counts a headline search only to 1,000, and exactly when fewer match", async () => {
    const limit = paging.searchCountLimit;
    const found = stories(limit + 10, ["spiked"], 50_000).map((story, index) => ({ ...story, headline: `Quayside gull count ${index}` }));
    await db.article.createMany({ data: found });
    const many = await listDeskView(editor, { view: "spiked", q: "Quayside gull", page: 1, per: 25 });
    expect(many.window).toMatchObject({ total: limit, more: true });
    expect(paging.showingLine(many.window)).toBe("Showing 1–25 of more than 1,000");
    expect(many.rows.every((row) => row.headline.startsWith("Quayside gull count"))).toBe(true);
    // "count 10", "count 100"–"count 109" and "count 1000"–"count 1009": 21.
    const few = await listDeskView(editor, { view: "spiked", q: "gull count 10", page: 1, per: 25 });
    expect(few.window).toMatchObject({ total: 21, more: false });
  }, 60_000);
});
