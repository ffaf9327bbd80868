import { describe, expect, it } from "vitest";
import { digestSlot } from "./digest";

describe("digestSlot", () => {
  it("sends at once, outside any digest, for someone who wants every email immediately", () => {
    const now = new Date("2026-11-30T18:20:00Z");
    expect(digestSlot("immediately", now, "UTC")).toEqual({ digest: "", sendAt: now });
  });

  it("gathers an hour's notifications into the email sent at the top of the next hour", () => {
    const slot = digestSlot("hourly", new Date("2026-11-30T18:20:00Z"), "UTC");
    expect(slot.sendAt.toISOString()).toBe("2026-11-30T19:00:00.000Z");
    expect(digestSlot("hourly", new Date("2026-11-30T18:59:59Z"), "UTC")).toEqual(slot);
    expect(digestSlot("hourly", new Date("2026-11-30T19:00:00Z"), "UTC").sendAt.toISOString()).toBe("2026-11-30T20:00:00.000Z");
  });

  it("sends the daily digest at 08:00 in the newsroom's zone, today if that is still to come", () => {
    // Karachi is UTC+5: 08:00 there is 03:00 UTC.
    expect(digestSlot("daily", new Date("2026-11-30T02:59:00Z"), "Asia/Karachi").sendAt.toISOString()).toBe("2026-11-30T03:00:00.000Z");
    expect(digestSlot("daily", new Date("2026-11-30T03:00:00Z"), "Asia/Karachi").sendAt.toISOString()).toBe("2026-12-01T03:00:00.000Z");
  });

  it("keeps 08:00 local across a change of the clocks", () => {
    // London goes back to GMT on 25 October 2026: 08:00 is 07:00 UTC the day before, 08:00 UTC on the day.
    expect(digestSlot("daily", new Date("2026-10-24T09:00:00Z"), "Europe/London").sendAt.toISOString()).toBe("2026-10-25T08:00:00.000Z");
  });
});
