import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/desk-results";
import { addSectionSchema } from "@/lib/sections/schemas";
import { newsroomSettingsSchema } from "./schemas";
import { timeZoneChoices } from "./time-zones";

describe("the newspaper's settings", () => {
  it("accept a name, an IANA time zone and whether reporters need a second factor", () => {
    expect(
      newsroomSettingsSchema.parse({ newspaperName: " The Evening Lantern ", timeZone: "Asia/Karachi", requireSecondFactorForReporters: true }),
    ).toEqual({
      newspaperName: "The Evening Lantern",
      timeZone: "Asia/Karachi",
      requireSecondFactorForReporters: true,
    });
  });

  it("never guess whether reporters need a second factor", () => {
    for (const requireSecondFactorForReporters of [undefined, "on", 1]) {
      const result = newsroomSettingsSchema.safeParse({ newspaperName: "Gazette", timeZone: "UTC", requireSecondFactorForReporters });
      expect(result.success, String(requireSecondFactorForReporters)).toBe(false);
      if (!result.success) expect(fieldErrorsOf(result.error).requireSecondFactorForReporters).toHaveLength(1);
    }
  });

  it("need a name of at most 80 characters", () => {
    expect(newsroomSettingsSchema.safeParse({ newspaperName: "x".repeat(80), timeZone: "UTC", requireSecondFactorForReporters: false }).success).toBe(true);
    for (const newspaperName of ["", "   ", "x".repeat(81)]) {
      const result = newsroomSettingsSchema.safeParse({ newspaperName, timeZone: "UTC" });
      expect(result.success, JSON.stringify(newspaperName)).toBe(false);
      if (!result.success) expect(fieldErrorsOf(result.error).newspaperName).toHaveLength(1);
    }
  });

  it("refuse a time zone that does not exist", () => {
    const result = newsroomSettingsSchema.safeParse({ newspaperName: "Gazette", timeZone: "Mars/Olympus_Mons" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error).timeZone).toEqual(["Choose a time zone from the list."]);
  });
});

describe("the time zones offered", () => {
  it("start with UTC and include every zone the runtime knows", () => {
    const zones = timeZoneChoices("UTC");
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("Asia/Karachi");
    expect(zones.filter((zone) => zone === "UTC")).toHaveLength(1);
  });

  it("keep a saved zone selectable even when the runtime lists it under another name", () => {
    // "US/Eastern" is an old alias of America/New_York that runtimes do not list.
    expect(timeZoneChoices("US/Eastern")).toContain("US/Eastern");
  });
});

describe("a new section's name", () => {
  it("is trimmed, required and short", () => {
    expect(addSectionSchema.parse({ name: "  Science " }).name).toBe("Science");
    expect(addSectionSchema.safeParse({ name: " " }).success).toBe(false);
    expect(addSectionSchema.safeParse({ name: "x".repeat(41) }).success).toBe(false);
  });
});
