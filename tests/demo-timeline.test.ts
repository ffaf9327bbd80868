/** The demo newsroom's dates, seeded at any time of day (prisma/demo/timeline.ts). */
import { describe, expect, it } from "vitest";
import { demoArticles } from "@/prisma/demo/content";
import { demoClock, demoDates } from "@/prisma/demo/timeline";

const at = (iso: string) => new Date(iso);
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** Every seed time worth trying: the edges of the day and of the squeeze, then every seven minutes. */
const seedTimes = [
  at("2026-03-10T00:00:00.000Z"),
  at("2026-03-10T00:00:30.000Z"),
  at("2026-03-10T00:30:00.000Z"),
  at("2026-03-10T00:59:59.999Z"),
  at("2026-03-10T01:00:00.000Z"),
  at("2026-03-10T04:59:59.999Z"),
  at("2026-03-10T05:00:00.000Z"),
  at("2026-03-10T11:00:00.000Z"),
  at("2026-03-10T23:00:00.000Z"),
  at("2026-03-10T23:59:59.999Z"),
  ...Array.from({ length: Math.floor((24 * 60) / 7) }, (_, n) => new Date(Date.parse("2026-03-10T00:00:00.000Z") + n * 7 * 60_000 + 1_234)),
];

describe("the demo's dates", () => {
  it("keeps a time that has passed exactly as the content asks", () => {
    const now = at("2026-03-10T12:00:00.000Z");
    expect(demoClock(now)(0, 5)).toEqual(at("2026-03-10T05:00:00.000Z"));
    expect(demoClock(now)(2, 18)).toEqual(at("2026-03-08T18:00:00.000Z"));
  });

  it("seeded at 00:30 UTC, gives the early-morning editorial an update in the past, after its publication", () => {
    const now = at("2026-03-10T00:30:00.000Z");
    const { publishedAt, updatedAt } = demoDates({ daysAgo: 0, hour: 5, updatedDaysAgo: 0 }, now);
    expect(publishedAt.getTime()).toBeLessThan(updatedAt!.getTime());
    expect(updatedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    // Too little of the 10th has passed to hold a day's news: the demo's "today" is the 9th.
    expect(publishedAt).toEqual(at("2026-03-09T05:00:00.000Z"));
    expect(updatedAt).toEqual(at("2026-03-09T11:00:00.000Z"));
  });

  it("squeezes today's times that have not come yet into the hour before now, in order", () => {
    const now = at("2026-03-10T06:00:00.000Z");
    const clock = demoClock(now);
    const times = [4, 5, 7, 11, 23].map((hour) => clock(0, hour).getTime());
    expect(times[0]).toBe(at("2026-03-10T04:00:00.000Z").getTime());
    for (const [index, time] of times.entries()) {
      if (index > 0) expect(time).toBeGreaterThan(times[index - 1]!);
      expect(time).toBeLessThan(now.getTime());
      expect(utcDay(new Date(time))).toBe("2026-03-10");
    }
    expect(times[1]).toBe(at("2026-03-10T05:00:00.000Z").getTime());
  });

  it("whatever the time of day it is seeded, every piece is published before its update, and nothing is later than now", () => {
    for (const now of seedTimes) {
      for (const article of demoArticles) {
        const { publishedAt, updatedAt } = demoDates(article, now);
        const label = `${article.headline}, seeded at ${now.toISOString()}`;
        expect(publishedAt.getTime(), label).toBeLessThanOrEqual(now.getTime());
        if (article.updatedDaysAgo === undefined) continue;
        expect(publishedAt.getTime(), label).toBeLessThan(updatedAt!.getTime());
        expect(updatedAt!.getTime(), label).toBeLessThanOrEqual(now.getTime());
      }
    }
  });

  it("whatever the time of day it is seeded, pieces meant for different days keep different dates, so the editorials' dates are distinct", () => {
    const editorials = demoArticles.filter((article) => article.kind === "editorial");
    expect(editorials.length).toBeGreaterThanOrEqual(6);
    for (const now of seedTimes) {
      const days = new Map<number, string>();
      for (const article of demoArticles) {
        const day = utcDay(demoDates(article, now).publishedAt);
        if (days.has(article.daysAgo)) expect(day, `${article.headline}, seeded at ${now.toISOString()}`).toBe(days.get(article.daysAgo));
        days.set(article.daysAgo, day);
      }
      expect(new Set(days.values()).size, now.toISOString()).toBe(days.size);
      const editorialDays = editorials.map((article) => utcDay(demoDates(article, now).publishedAt));
      expect(new Set(editorialDays).size, now.toISOString()).toBe(editorials.length);
    }
  });
});
