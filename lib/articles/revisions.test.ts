import { describe, expect, it } from "vitest";
import { chooseComparison, isRestorable, restoreNote, restoredRevisionNumber } from "./revisions";

describe("choosing the revisions to compare", () => {
  const existing = [1, 2, 3, 4, 5];

  it("compares the previous revision with the current one when nothing is asked for", () => {
    expect(chooseComparison(existing, 5, {})).toEqual({ from: 4, to: 5 });
  });

  it("keeps the two revisions asked for, in either order", () => {
    expect(chooseComparison(existing, 5, { from: 2, to: 5 })).toEqual({ from: 2, to: 5 });
    expect(chooseComparison(existing, 5, { from: 5, to: 1 })).toEqual({ from: 5, to: 1 });
  });

  it("falls back for revisions that do not exist", () => {
    expect(chooseComparison(existing, 5, { from: 9, to: 0 })).toEqual({ from: 4, to: 5 });
    expect(chooseComparison(existing, 5, { to: 3 })).toEqual({ from: 2, to: 3 });
  });

  it("compares the only revision of a new article with itself", () => {
    expect(chooseComparison([1], 1, {})).toEqual({ from: 1, to: 1 });
  });
});

describe("restoring a revision", () => {
  it("is possible for older revisions only", () => {
    expect(isRestorable(1, 3)).toBe(true);
    expect(isRestorable(3, 3)).toBe(false);
    expect(isRestorable(0, 3)).toBe(false);
  });

  it("writes a history note that the history can read back", () => {
    expect(restoreNote(2)).toBe("Restored revision 2");
    expect(restoredRevisionNumber(restoreNote(12))).toBe(12);
    expect(restoredRevisionNumber("Please fix the dateline")).toBeNull();
    expect(restoredRevisionNumber(null)).toBeNull();
  });
});
