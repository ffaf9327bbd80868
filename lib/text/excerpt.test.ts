import { describe, expect, it } from "vitest";
import { excerpt } from "./excerpt";

describe("excerpts", () => {
  it("leaves short text whole", () => {
    expect(excerpt("A short line.", 50)).toBe("A short line.");
  });

  it("cuts at a word boundary and ends with an ellipsis", () => {
    const text = "PAKISTAN faces two types of drought: one caused by dry weather and the other by neglect.";
    const cut = excerpt(text, 60);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(61);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(text[cut.length - 1]).toBe(" ");
  });
});
