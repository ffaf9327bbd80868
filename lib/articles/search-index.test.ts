import { describe, expect, it } from "vitest";
import { matchExpression } from "./search-index";

describe("what a reader types into search", () => {
  it("becomes quoted words, all required", () => {
    expect(matchExpression("Harbour  dredging")).toBe('"harbour" "dredging"');
  });

  it("is never obeyed as FTS syntax", () => {
    expect(matchExpression('ferry OR NEAR(a b) headline:dredging "unclosed *')).toBe('"ferry" "or" "near" "a" "b" "headline" "dredging" "unclosed"');
    expect(matchExpression("-- ; DROP TABLE Article")).toBe('"drop" "table" "article"');
    expect(matchExpression('"" * ( ) ^ : -')).toBeNull();
  });

  it("keeps words with apostrophes and letters beyond ASCII together", () => {
    expect(matchExpression("the harbour's Zürich ferry")).toBe('"the" "harbour\'s" "zürich" "ferry"');
  });

  it("takes at most eight different words", () => {
    expect(matchExpression("a b c d e f g h i j a")?.split(" ")).toHaveLength(8);
  });
});

describe("the headline phrase", () => {
  it("keeps the reader's words in their order, repeats and all, as one phrase within the headline", async () => {
    const { headlinePhraseExpression } = await import("./search-index");
    expect(headlinePhraseExpression("The harbour, the ferry")).toBe('headline : "the harbour the ferry"');
    expect(headlinePhraseExpression('ferry" OR headline:x')).toBe('headline : "ferry or headline x"');
    expect(headlinePhraseExpression(" * : ")).toBeNull();
  });
});
