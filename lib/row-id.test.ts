import { describe, expect, it } from "vitest";
import { rowId } from "./row-id";

describe("row ids for plain inserts", () => {
  it("sort in the order they were made, many to a millisecond", () => {
    const ids = Array.from({ length: 5_000 }, () => rowId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
