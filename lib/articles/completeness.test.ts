import { describe, expect, it } from "vitest";
import { bodyHasContent, incompleteMessage, missingForReview, type ReviewCandidate } from "./completeness";
import { articleKinds, printedDateline, type ArticleKind } from "./kinds";

const complete: ReviewCandidate = {
  headline: "Harbour dredging halted",
  dateline: "HARBOURTON",
  body: "The port authority stopped the night shift.",
  kind: "news",
  sectionId: "city",
  bylineIds: ["reporter"],
};
const missingFields = (change: Partial<ReviewCandidate>) => Object.keys(missingForReview({ ...complete, ...change }));

describe("a story is complete", () => {
  it("with a headline, a dateline, a section, a kind, the story and a byline", () => {
    expect(missingForReview(complete)).toEqual({});
  });

  it("and a draft with only a headline, or only the story, is told everything it still lacks at once", () => {
    expect(missingFields({ dateline: "", body: "", bylineIds: [] })).toEqual(["dateline", "body", "bylineIds"]);
    expect(missingFields({ headline: " ", dateline: "" })).toEqual(["headline", "dateline"]);
    expect(missingFields({ sectionId: null, kind: "gossip" })).toEqual(["sectionId", "kind"]);
  });

  it("not by an empty document from the editor, but by one with only an image", () => {
    const empty = JSON.stringify({ type: "doc", content: [{ type: "paragraph" }] });
    const image = JSON.stringify({ type: "doc", content: [{ type: "bodyImage", attrs: { mediaId: "m1", src: "/media/m1/960.webp", alt: "Boats" } }] });
    expect(bodyHasContent(empty)).toBe(false);
    expect(missingFields({ body: empty })).toEqual(["body"]);
    expect(bodyHasContent(image)).toBe(true);
  });
});

describe("what each kind needs", () => {
  const needs: Record<ArticleKind, { dateline: boolean; byline: boolean }> = {
    news: { dateline: true, byline: true },
    analysis: { dateline: true, byline: true },
    editorial: { dateline: false, byline: false },
    column: { dateline: false, byline: true },
    "op-ed": { dateline: false, byline: true },
    letter: { dateline: false, byline: false },
  };

  for (const kind of articleKinds) {
    it(`${kind}: ${needs[kind].dateline ? "a dateline" : "no dateline"}, ${needs[kind].byline ? "a byline" : "no byline"}`, () => {
      const missing = missingFields({ kind, dateline: "", bylineIds: [] });
      expect(missing.includes("dateline")).toBe(needs[kind].dateline);
      expect(missing.includes("bylineIds")).toBe(needs[kind].byline);
    });
  }

  it("prints a dateline only where the kind carries one, and never an empty one", () => {
    expect(printedDateline("news", " HARBOURTON ")).toBe("HARBOURTON");
    expect(printedDateline("column", "")).toBeNull();
    expect(printedDateline("column", "MARREN")).toBe("MARREN");
    expect(printedDateline("editorial", "HARBOURTON")).toBeNull();
    expect(printedDateline("letter", "HARBOURTON")).toBeNull();
  });
});

describe("the refusal", () => {
  it("names every missing field in one sentence", () => {
    const missing = missingForReview({ ...complete, dateline: "", bylineIds: [], headline: "" });
    expect(incompleteMessage(missing, "goes to review")).toBe("Before it goes to review, add a headline, a dateline and a byline.");
    expect(incompleteMessage(missingForReview({ ...complete, dateline: "" }), "is published")).toBe("Before it is published, add a dateline.");
  });
});
