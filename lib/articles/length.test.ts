import { describe, expect, it } from "vitest";
import { headlineHint, readingMinutes, wordCount } from "./length";

describe("the length of a piece", () => {
  it("counts words, keeping contractions and hyphenated words whole", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("The port authority's night-shift ended.\n\nIt won’t restart.")).toBe(8);
    expect(wordCount("Rovers won 2-1 — at last!")).toBe(5);
  });

  it("gives reading time in whole minutes, at least one", () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(40)).toBe(1);
    expect(readingMinutes(690)).toBe(3);
  });

  it("warns only when a headline is longer than search results show", () => {
    expect(headlineHint("Harbour authority halts night dredging")).toBeNull();
    expect(headlineHint("x".repeat(95))).toBe("95 characters: search results and social cards show about 70.");
  });
});
