import { describe, expect, it } from "vitest";
import { booleanOf, dateOf } from "./raw-values";

describe("a plain statement's values", () => {
  it("reads a date as either database returns it: PostgreSQL's Date, SQLite's stored ISO text", () => {
    const instant = new Date("2026-12-01T07:00:00.000Z");
    expect(dateOf(instant)).toBe(instant);
    expect(dateOf("2026-12-01T07:00:00.000+00:00").getTime()).toBe(instant.getTime());
    expect(dateOf(null)).toBeNull();
  });

  it("reads a boolean as PostgreSQL's boolean or SQLite's 0 and 1, as a number or a bigint", () => {
    expect([true, false].map(booleanOf)).toEqual([true, false]);
    expect([1, 0, 1n, 0n].map(booleanOf)).toEqual([true, false, true, false]);
  });
});
