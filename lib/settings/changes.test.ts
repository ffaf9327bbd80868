import { describe, expect, it } from "vitest";
import { describeSettingsChange } from "./changes";

const fields = ["newspaperName", "timeZone"] as const;

describe("describeSettingsChange", () => {
  it("names only the fields that changed, with before and after", () => {
    const change = describeSettingsChange(
      { newspaperName: "The Harbour Gazette", timeZone: "UTC" },
      { newspaperName: "The Harbour Gazette", timeZone: "Europe/London" },
      fields,
    );
    expect(change).toEqual({
      before: { timeZone: "UTC" },
      after: { timeZone: "Europe/London" },
      summary: 'Changed the time zone from "UTC" to "Europe/London"',
    });
  });

  it("is null when a save changes nothing", () => {
    const same = { newspaperName: "The Harbour Gazette", timeZone: "UTC" };
    expect(describeSettingsChange(same, { ...same }, fields)).toBeNull();
  });

  it("reads switches as on and off, and a first save as setting every field", () => {
    expect(describeSettingsChange(null, { requireSecondFactorForReporters: true }, ["requireSecondFactorForReporters"])?.summary).toBe(
      "Changed the second-factor requirement for reporters to on",
    );
  });
});
