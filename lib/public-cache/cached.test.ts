import { describe, expect, it } from "vitest";
import { roundTrip } from "./cached";

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
