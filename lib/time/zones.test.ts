import { describe, expect, it } from "vitest";
import { readLocalTime, utcToZonedInput, zonedInputToUtc } from "./zones";

describe("times typed in the newsroom's time zone", () => {
  it("are stored as the UTC instant they mean, on either side of a daylight-saving change", () => {
    // London moves from GMT to BST at 01:00 UTC on 29 March 2026.
    expect(zonedInputToUtc("2026-03-28T09:00", "Europe/London")?.toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(zonedInputToUtc("2026-03-30T09:00", "Europe/London")?.toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(zonedInputToUtc("2026-06-01T18:30", "Asia/Karachi")?.toISOString()).toBe("2026-06-01T13:30:00.000Z");
    expect(utcToZonedInput(new Date("2026-03-30T08:00:00Z"), "Europe/London")).toBe("2026-03-30T09:00");
    expect(utcToZonedInput(new Date("2026-11-01T12:00:00Z"), "America/New_York")).toBe("2026-11-01T07:00");
  });

  it("refuse text that is not a date and time", () => {
    expect(zonedInputToUtc("tomorrow at nine", "UTC")).toBeNull();
    expect(readLocalTime("tomorrow at nine", "UTC")).toEqual({ ok: false, skipped: false, error: "Give a date and time." });
  });

  it("refuse a time the clocks skip, instead of moving it an hour", () => {
    // London's clocks go from 01:00 GMT to 02:00 BST on 29 March 2026: 01:30 never happens.
    expect(readLocalTime("2026-03-29T01:30", "Europe/London")).toEqual({
      ok: false,
      skipped: true,
      error: "There is no 01:30 on 29 Mar, 2026 in Europe/London: the clocks go forward then. Choose another time.",
    });
    expect(readLocalTime("2026-03-08T02:15", "America/New_York").ok).toBe(false);
    // Either side of the gap is fine.
    expect(readLocalTime("2026-03-29T00:59", "Europe/London")).toEqual({ ok: true, at: new Date("2026-03-29T00:59:00Z") });
    expect(readLocalTime("2026-03-29T02:00", "Europe/London")).toEqual({ ok: true, at: new Date("2026-03-29T01:00:00Z") });
  });

  it("read a time the clocks pass twice as the first of the two", () => {
    // London's clocks go back from 02:00 BST to 01:00 GMT on 25 October 2026: 01:30 happens twice.
    expect(readLocalTime("2026-10-25T01:30", "Europe/London")).toEqual({ ok: true, at: new Date("2026-10-25T00:30:00Z") });
    expect(readLocalTime("2026-11-01T01:30", "America/New_York")).toEqual({ ok: true, at: new Date("2026-11-01T05:30:00Z") });
    expect(readLocalTime("2026-10-25T02:30", "Europe/London")).toEqual({ ok: true, at: new Date("2026-10-25T02:30:00Z") });
  });
});
