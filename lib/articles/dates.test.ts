import { describe, expect, it } from "vitest";
import {
  formatLongDate,
  formatShortDate,
  ordinal,
  printLine,
  publicStamp,
  stampPublication,
  formatZonedMoment,
  readLocalTime,
  utcOffset,
  utcToZonedInput,
  zonedInputToUtc,
} from "./dates";

const first = new Date("2026-03-01T08:00:00Z");
const later = new Date("2026-03-04T10:30:00Z");
const never = { publishedAt: null, updatedStampAt: null, lastPublishedAt: null };

describe("publication dates", () => {
  it("sets the publication date on first publication", () => {
    expect(stampPublication(never, first, { significantUpdate: false })).toEqual({
      publishedAt: first,
      updatedStampAt: null,
      lastPublishedAt: first,
    });
  });

  it("never moves the publication date when republished", () => {
    const published = stampPublication(never, first, { significantUpdate: false });
    const minor = stampPublication(published, later, { significantUpdate: false });
    expect(minor.publishedAt).toEqual(first);
    expect(minor.updatedStampAt).toBeNull();
    const significant = stampPublication(minor, later, { significantUpdate: true });
    expect(significant.publishedAt).toEqual(first);
    expect(significant.updatedStampAt).toEqual(later);
  });

  it("keeps an earlier Updated stamp through a later minor fix", () => {
    const updated = { publishedAt: first, updatedStampAt: later, lastPublishedAt: later };
    const fixed = stampPublication(updated, new Date("2026-03-05T00:00:00Z"), { significantUpdate: false });
    expect(fixed.updatedStampAt).toEqual(later);
  });

  it("shows Updated only when an update came after publication", () => {
    expect(publicStamp({ publishedAt: first, updatedStampAt: null })).toEqual({ kind: "published", at: first });
    expect(publicStamp({ publishedAt: first, updatedStampAt: later })).toEqual({ kind: "updated", at: later });
  });
});

describe("dates as readers see them", () => {
  it("writes the short stamp like the print edition", () => {
    expect(formatShortDate(new Date("2025-02-24T06:00:00Z"), "UTC")).toBe("24 Feb, 2025");
  });

  it("writes the print line with an ordinal day", () => {
    expect(printLine("Dawn", new Date("2017-10-11T03:00:00Z"), "UTC")).toBe("Published in Dawn, October 11th, 2017");
  });

  it("uses the newsroom's time zone, not the server's", () => {
    const lateEvening = new Date("2025-02-23T21:30:00Z");
    expect(formatShortDate(lateEvening, "UTC")).toBe("23 Feb, 2025");
    expect(formatShortDate(lateEvening, "Asia/Karachi")).toBe("24 Feb, 2025");
    expect(formatLongDate(lateEvening, "America/New_York")).toBe("February 23rd, 2025");
  });

  it("gives English ordinals, including the teens", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st",
    ]);
  });
});

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

  it("name the offset beside a moment, so the two 01:30s of that night read differently", () => {
    expect(formatZonedMoment(new Date("2026-10-25T00:30:00Z"), "Europe/London")).toBe("25 Oct, 2026 01:30 (Europe/London, UTC+01:00)");
    expect(formatZonedMoment(new Date("2026-10-25T01:30:00Z"), "Europe/London")).toBe("25 Oct, 2026 01:30 (Europe/London, UTC+00:00)");
    expect(formatZonedMoment(new Date("2026-06-01T13:30:00Z"), "Asia/Karachi")).toBe("1 Jun, 2026 18:30 (Asia/Karachi, UTC+05:00)");
    expect(utcOffset(new Date("2026-01-01T00:00:00Z"), "UTC")).toBe("UTC+00:00");
  });
});
