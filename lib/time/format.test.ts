import { describe, expect, it } from "vitest";
import { formatLongDate, formatShortDate, formatZonedMoment, ordinal, utcOffset } from "./format";

describe("dates as readers see them", () => {
  it("writes the short stamp like the print edition", () => {
    expect(formatShortDate(new Date("2025-02-24T06:00:00Z"), "UTC")).toBe("24 Feb, 2025");
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

  it("names the offset beside a moment, so the two 01:30s of that night read differently", () => {
    expect(formatZonedMoment(new Date("2026-10-25T00:30:00Z"), "Europe/London")).toBe("25 Oct, 2026 01:30 (Europe/London, UTC+01:00)");
    expect(formatZonedMoment(new Date("2026-10-25T01:30:00Z"), "Europe/London")).toBe("25 Oct, 2026 01:30 (Europe/London, UTC+00:00)");
    expect(formatZonedMoment(new Date("2026-06-01T13:30:00Z"), "Asia/Karachi")).toBe("1 Jun, 2026 18:30 (Asia/Karachi, UTC+05:00)");
    expect(utcOffset(new Date("2026-01-01T00:00:00Z"), "UTC")).toBe("UTC+00:00");
  });
});
