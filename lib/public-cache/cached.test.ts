import { describe, expect, it } from "vitest";
import { keptUntilExpired, roundTrip } from "./cached";
import { expireTags } from "./store";

describe("cached public data", () => {
  it("comes back with real Dates, however deep, after Next stores it as JSON", () => {
    const value = {
      publishedAt: new Date("2026-11-24T08:00:00Z"),
      updatedStampAt: null,
      items: [{ at: new Date("2026-11-25T09:30:00Z"), title: "A" }],
    };
    const back = roundTrip(value);
    expect(back.publishedAt).toBeInstanceOf(Date);
    expect(back.publishedAt.toISOString()).toBe("2026-11-24T08:00:00.000Z");
    expect(back.items[0]!.at).toBeInstanceOf(Date);
    expect(back.updatedStampAt).toBeNull();
  });

  it("leaves strings that look like dates, and everything else, as they were", () => {
    const value = { text: "2026-11-24T08:00:00.000Z", count: 3, flags: [true, false], nested: { empty: {} } };
    expect(roundTrip(value)).toEqual(value);
  });
});

describe("a part kept until its tags expire", () => {
  it("is computed once, again after one of its tags expires, and again if a tag expired while it was computed", async () => {
    let computed = 0;
    const compute = async () => (computed += 1);
    const read = () => keptUntilExpired("test:month", ["public", "sitemap:2026-11"], compute);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    expireTags(["sitemap:2026-10"], Date.now() + 1); // another month's
    expect(await read()).toBe(1);
    expireTags(["sitemap:2026-11"], Date.now() + 1);
    expect(await read()).toBe(2);
    const during = keptUntilExpired("test:month", ["public", "sitemap:2026-11"], async () => {
      expireTags(["public"], Date.now() + 1);
      return (computed += 1);
    });
    expireTags(["sitemap:2026-11"], Date.now() + 1);
    expect(await during).toBe(3);
    expect(await read()).toBe(4);
  });
});
