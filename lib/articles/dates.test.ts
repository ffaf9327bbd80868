import { describe, expect, it } from "vitest";
import { printLine, publicStamp, stampPublication } from "./dates";

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

describe("the print line", () => {
  it("writes the print line with an ordinal day", () => {
    expect(printLine("Dawn", new Date("2017-10-11T03:00:00Z"), "UTC")).toBe("Published in Dawn, October 11th, 2017");
  });
});
