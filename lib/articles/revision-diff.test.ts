import { describe, expect, it } from "vitest";
import { diffText, type DiffParagraph } from "./revision-diff";

/** A paragraph written as text with [-removed-] and {+added+} marks, for readable expectations. */
function marked(paragraph: DiffParagraph): string {
  return paragraph
    .map(({ change, text }) => (change === "removed" ? `[-${text}-]` : change === "added" ? `{+${text}+}` : text))
    .join("");
}

describe("comparing two revisions word by word", () => {
  it("marks a replaced word as removed and its replacement as added, the rest unchanged", () => {
    const diff = diffText("The ferry leaves on Wednesday.", "The ferry leaves on Thursday.");
    expect(diff.changed).toBe(true);
    expect(diff.paragraphs).toEqual([
      [
        { change: "unchanged", text: "The ferry leaves on " },
        { change: "removed", text: "Wednesday" },
        { change: "added", text: "Thursday" },
        { change: "unchanged", text: "." },
      ],
    ]);
  });

  it("marks words that were only added or only removed", () => {
    expect(diffText("Council approves plan", "Council quietly approves plan").paragraphs.map(marked)).toEqual([
      "Council {+quietly +}approves plan",
    ]);
    expect(diffText("Council quietly approves plan", "Council approves plan").paragraphs.map(marked)).toEqual([
      "Council [-quietly -]approves plan",
    ]);
  });

  it("keeps the paragraphs, changes shown inside the paragraph they belong to", () => {
    const before = "First paragraph stays.\n\nSecond one has a typo teh end.\n\nThird stays too.";
    const after = "First paragraph stays.\n\nSecond one has a typo the end.\n\nThird stays too.";
    expect(diffText(before, after).paragraphs.map(marked)).toEqual([
      "First paragraph stays.",
      "Second one has a typo [-teh-]{+the+} end.",
      "Third stays too.",
    ]);
  });

  it("shows a new paragraph as added without a stray break mark", () => {
    const diff = diffText("Opening.\n\nClosing.", "Opening.\n\nA new middle paragraph.\n\nClosing.");
    expect(diff.paragraphs.map(marked)).toEqual(["Opening.", "{+A new middle paragraph.+}", "Closing."]);
  });

  it("shows a deleted paragraph as removed", () => {
    const diff = diffText("Opening.\n\nA paragraph to cut.\n\nClosing.", "Opening.\n\nClosing.");
    expect(diff.paragraphs.map(marked)).toEqual(["Opening.", "[-A paragraph to cut.-]", "Closing."]);
  });

  it("shows a paragraph added at the end as added, without marking the break before it", () => {
    const diff = diffText("Opening.\n\nClosing.", "Opening.\n\nClosing.\n\nA postscript.");
    expect(diff.paragraphs.map(marked)).toEqual(["Opening.", "Closing.", "{+A postscript.+}"]);
  });

  it("shows two paragraphs joined into one as one paragraph with a removed break", () => {
    const diff = diffText("The first half.\n\nThe second half.", "The first half. The second half.");
    expect(diff.changed).toBe(true);
    expect(diff.paragraphs.map(marked)).toEqual(["The first half. [-¶-] The second half."]);
    expect(diff.paragraphs[0]?.[1]).toEqual({ change: "removed", text: "¶", paragraphBreak: true });
  });

  it("keeps removed words that spanned two paragraphs inside the paragraph that remains", () => {
    const diff = diffText("Ships dock early.\n\nCrews rest late.", "Ships rest late.");
    expect(diff.paragraphs.map(marked)).toEqual(["Ships [-dock early. -][-¶-][- Crews -]rest late."]);
  });

  it("shows one paragraph split in two as an added break", () => {
    const diff = diffText("The first half. The second half.", "The first half.\n\nThe second half.");
    expect(diff.paragraphs.map(marked)).toEqual(["The first half. {+¶+}", "The second half."]);
  });

  it("keeps line breaks inside a paragraph", () => {
    const diff = diffText("Roses are red,\nviolets are blue.", "Roses are red,\nviolets are green.");
    expect(diff.paragraphs.map(marked)).toEqual(["Roses are red,\nviolets are [-blue-]{+green+}."]);
  });

  it("finds no changes between identical texts", () => {
    const text = "Officials confirmed the plan.\n\n\"We listened,\" said a spokeswoman.";
    const diff = diffText(text, text);
    expect(diff.changed).toBe(false);
    expect(diff.paragraphs.flat().every((segment) => segment.change === "unchanged")).toBe(true);
    expect(diff.paragraphs.map(marked)).toEqual(["Officials confirmed the plan.", "\"We listened,\" said a spokeswoman."]);
  });

  it("ignores differences of blank lines and line endings only", () => {
    expect(diffText("One.\r\n\r\n\r\nTwo.", "One.\n\nTwo.").changed).toBe(false);
  });

  it("compares with an empty text: everything added, or everything removed", () => {
    expect(diffText("", "A standfirst.").paragraphs.map(marked)).toEqual(["{+A standfirst.+}"]);
    expect(diffText("A standfirst.", "").paragraphs.map(marked)).toEqual(["[-A standfirst.-]"]);
    expect(diffText("", "")).toEqual({ changed: false, paragraphs: [] });
  });

  it("gives up on a diff too costly to compute and shows both texts whole", () => {
    const before = Array.from({ length: 400 }, (_, n) => `old${n}`).join(" ");
    const after = Array.from({ length: 400 }, (_, n) => `new${n}`).join(" ");
    const diff = diffText(`${before}\n\nShared.`, `${after}\n\nShared.`, { timeout: -1 });
    expect(diff.changed).toBe(true);
    expect(diff.paragraphs.map((paragraph) => paragraph.map((segment) => segment.change))).toEqual([
      ["removed"],
      ["removed"],
      ["added"],
      ["added"],
    ]);
  });
});
