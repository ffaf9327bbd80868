import { describe, expect, it } from "vitest";
import { excerpt, htmlExcerpt } from "./excerpt";
import { htmlToText } from "./plain-text";

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

describe("excerpts of HTML bodies", () => {
  const paragraph = (words: number, seed: number) =>
    `<p>${Array.from({ length: words }, (_, index) => ["harbour", "council", "<em>ferry</em>", "tide &amp; wind", "<a href=\"/x\">market</a>"][(index + seed) % 5]).join(" ")}.</p>`;

  it.each([
    ["a long story", Array.from({ length: 40 }, (_, index) => paragraph(60, index)).join("")],
    ["one short paragraph", paragraph(5, 1)],
    ["a first paragraph shorter than the excerpt, then more", paragraph(8, 2) + paragraph(80, 3)],
    ["heavy markup before the text", `<figure><img src="/media/a.jpg" alt="${"x".repeat(2_000)}"></figure>${paragraph(50, 4)}`],
    ["a script left open by the cut", `<p>Lead.</p><script>${"var a = 1; ".repeat(200)}</script>${paragraph(50, 0)}`],
    ["no markup at all", "plain words ".repeat(300)],
  ])("%s: the same as the whole body's text", (_, html) => {
    for (const maxLength of [60, 160, 300]) expect(htmlExcerpt(html, maxLength)).toBe(excerpt(htmlToText(html), maxLength));
  });
});
