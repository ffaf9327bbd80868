import { describe, expect, it } from "vitest";
import { searchSummary } from "./search-summary";

describe("the line above a search's results", () => {
  it("counts them, or says nothing was found", () => {
    expect(searchSummary("walrus", { total: 0 })).toBe("Nothing found for “walrus”.");
    expect(searchSummary("walrus", { total: 1 })).toBe("1 result for “walrus”.");
    expect(searchSummary("seal", { total: 1234 })).toBe("1,234 results for “seal”.");
  });

  it("says which results these are when more matched than were ranked", () => {
    expect(searchSummary("council", { total: 2000, capped: true })).toBe("More than 2,000 results for “council”: the 2,000 most recent, best first. Add a word to narrow them.");
  });
});
