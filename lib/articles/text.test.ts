import { describe, expect, it } from "vitest";
import { renderBody } from "@/lib/render/body";
import { excerpt } from "./excerpt";
import { articleFieldsSchema } from "./schemas";
import { slugFromHeadline, uniqueSlug } from "./slug";

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

describe("slugs", () => {
  it("are made from the headline", () => {
    expect(slugFromHeadline("Harbour authority halts night dredging!")).toBe("harbour-authority-halts-night-dredging");
    expect(slugFromHeadline("“Quotes” & ümlauts — fine")).toBe("quotes-and-umlauts-fine");
  });

  it("never come out empty", () => {
    expect(slugFromHeadline("!!!")).toBe("article");
  });

  it("get a number when taken", async () => {
    const taken = new Set(["budget", "budget-2"]);
    expect(await uniqueSlug("budget", async (slug) => taken.has(slug))).toBe("budget-3");
  });
});

describe("the body", () => {
  it("becomes paragraphs with every character escaped", () => {
    expect(renderBody('First <script>alert("x")</script>\n\nSecond & last')).toBe(
      "<p>First &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>\n<p>Second &amp; last</p>",
    );
  });
});

describe("the article form's schema", () => {
  const valid = { headline: "H", dateline: "HARBOURTON", sectionId: "s1", kind: "news", body: "Text" };

  it("accepts a complete article", () => {
    expect(articleFieldsSchema.safeParse(valid).success).toBe(true);
  });

  it("names each missing field", () => {
    const result = articleFieldsSchema.safeParse({ ...valid, headline: "  ", body: "", kind: "gossip" });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["headline", "body", "kind"]));
  });
});
