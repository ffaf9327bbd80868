import { describe, expect, it } from "vitest";
import { formatDateTime, formatLongDate, formatShortDate, formatZonedMoment, ordinal, utcOffset } from "./format";

describe("dates as readers see them", () => {
  it("writes the short stamp like the print edition", () => {
    expect(formatShortDate(new Date("2025-02-24T06:00:00Z"), "UTC")).toBe("24 Feb, 2025");
  });

  const months = [
    ["Jan", "January"], ["Feb", "February"], ["Mar", "March"], ["Apr", "April"], ["May", "May"], ["Jun", "June"],
    ["Jul", "July"], ["Aug", "August"], ["Sep", "September"], ["Oct", "October"], ["Nov", "November"], ["Dec", "December"],
  ] as const;

  it.each(months.map(([short, long], index) => ({ short, long, month: index + 1 })))(
    "abbreviates $long to its first three letters, as the seed page does, and spells it out in the print line",
    ({ short, long, month }) => {
      const date = new Date(Date.UTC(2025, month - 1, 24, 6));
      expect(formatShortDate(date, "UTC")).toBe(`24 ${short}, 2025`);
      expect(formatDateTime(date, "UTC")).toBe(`24 ${short}, 2025 06:00`);
      expect(formatLongDate(date, "UTC")).toBe(`${long} 24th, 2025`);
    },
  );

  it("never prints Intl's \"Sept\"", () => {
    expect(formatShortDate(new Date("2025-09-01T12:00:00Z"), "Europe/London")).toBe("1 Sep, 2025");
    expect(formatZonedMoment(new Date("2026-09-30T12:00:00Z"), "UTC")).toBe("30 Sep, 2026 12:00 (UTC, UTC+00:00)");
  });

  it("takes the month from the newsroom's calendar at the boundary, not from UTC's", () => {
    // 23:30 UTC on 31 August is already 1 September in Karachi (UTC+5) and still August in New York.
    const lastHalfHourOfAugust = new Date("2025-08-31T23:30:00Z");
    expect(formatShortDate(lastHalfHourOfAugust, "UTC")).toBe("31 Aug, 2025");
    expect(formatShortDate(lastHalfHourOfAugust, "Asia/Karachi")).toBe("1 Sep, 2025");
    expect(formatLongDate(lastHalfHourOfAugust, "Asia/Karachi")).toBe("September 1st, 2025");
    // 03:00 UTC on 1 September is still 31 August in Los Angeles (UTC-7 in summer).
    expect(formatShortDate(new Date("2025-09-01T03:00:00Z"), "America/Los_Angeles")).toBe("31 Aug, 2025");
    // The year turns with the month: Berlin's New Year comes an hour before UTC's.
    const newYearInBerlin = new Date("2025-12-31T23:30:00Z");
    expect(formatShortDate(newYearInBerlin, "UTC")).toBe("31 Dec, 2025");
    expect(formatShortDate(newYearInBerlin, "Europe/Berlin")).toBe("1 Jan, 2026");
    expect(formatLongDate(newYearInBerlin, "Europe/Berlin")).toBe("January 1st, 2026");
    // The exact instant: midnight in London (BST, UTC+1) on 1 October is 23:00 UTC on 30 September.
    expect(formatShortDate(new Date("2025-09-30T22:59:59Z"), "Europe/London")).toBe("30 Sep, 2025");
    expect(formatShortDate(new Date("2025-09-30T23:00:00Z"), "Europe/London")).toBe("1 Oct, 2025");
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
