/**
 * The seed on a real database: the demo newsroom's dates are honest whatever the time of day it is
 * seeded (prisma/demo/timeline.ts has the rule and its own tests).
 */
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");

afterAll(async () => {
  await db.$disconnect();
});

describe("seeding the demo newsroom", () => {
  it("at 00:30 UTC, publishes every story before its update, dates nothing later than the seed, and gives the editorials distinct dates", async () => {
    const now = new Date("2026-03-10T00:30:00.000Z");
    expect(await seedNewsroom(db, { demo: true, now })).toEqual({ seeded: true });

    const articles = await db.article.findMany({ select: { headline: true, kind: true, publishedAt: true, updatedStampAt: true } });
    expect(articles.length).toBeGreaterThanOrEqual(10);
    for (const article of articles) {
      expect(article.publishedAt!.getTime(), article.headline).toBeLessThanOrEqual(now.getTime());
      if (!article.updatedStampAt) continue;
      expect(article.publishedAt!.getTime(), article.headline).toBeLessThan(article.updatedStampAt.getTime());
      expect(article.updatedStampAt.getTime(), article.headline).toBeLessThanOrEqual(now.getTime());
    }
    expect(articles.filter((article) => article.updatedStampAt).length).toBeGreaterThanOrEqual(2);
    const editorialDays = articles.filter((article) => article.kind === "editorial").map((article) => article.publishedAt!.toISOString().slice(0, 10));
    expect(editorialDays.length).toBeGreaterThanOrEqual(6);
    expect(new Set(editorialDays).size).toBe(editorialDays.length);
  });
});
