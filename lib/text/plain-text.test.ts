import { describe, expect, it } from "vitest";
import { htmlToText } from "./plain-text";

describe("the text of a body's HTML", () => {
  it("keeps words, separates paragraphs and decodes entities", () => {
    expect(htmlToText("<p>Fish &amp; chips</p><p>cost <strong>more</strong>&nbsp;now&#39;s&#x21;</p>")).toBe("Fish & chips cost more now's!");
  });

  it("drops scripts and styles whole, and joins inline marks inside a word", () => {
    expect(htmlToText("<style>p{}</style><p>re<em>mark</em>able</p><script>x()</script>")).toBe("remarkable");
  });
});
