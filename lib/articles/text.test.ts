import { describe, expect, it } from "vitest";
import { renderBody } from "@/lib/render/body";
import { unsafeLinkMessage } from "@/lib/render/links";
import { readDraftFields } from "./schemas";

describe("the body", () => {
  it("becomes paragraphs with every character escaped", () => {
    expect(renderBody('First <script>alert("x")</script>\n\nSecond & last')).toBe(
      "<p>First &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>\n<p>Second &amp; last</p>",
    );
  });
});

describe("the article form's fields, as a draft saves them", () => {
  const link = (href: string) =>
    JSON.stringify({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Read the report", marks: [{ type: "link", attrs: { href } }] }] }],
    });

  it("takes a draft with only a headline, and one with only the story", () => {
    expect(readDraftFields({ headline: "Ferry fares rise" })).toEqual({ fields: { headline: "Ferry fares rise" }, fieldErrors: {} });
    expect(readDraftFields({ headline: "", dateline: "", body: "The council met." })).toEqual({
      fields: { headline: "", dateline: "", body: "The council met." },
      fieldErrors: {},
    });
  });

  it("leaves out a field that is not well formed, names it, and keeps the rest", () => {
    const { fields, fieldErrors } = readDraftFields({ headline: "H", standfirst: "x".repeat(401), kind: "gossip", body: "Text" });
    expect(fields).toEqual({ headline: "H", body: "Text" });
    expect(fieldErrors).toEqual({ standfirst: ["Keep the standfirst under 400 characters."], kind: ["Choose what kind of piece this is."] });
  });

  it("keeps the words of a link it cannot take, and says why beside the body", () => {
    const { fields, fieldErrors } = readDraftFields({ body: link("javascript:alert(1)") });
    expect(fieldErrors.body).toEqual([unsafeLinkMessage]);
    expect(JSON.parse(fields.body!).content[0].content).toEqual([{ type: "text", text: "Read the report", marks: [] }]);
    expect(readDraftFields({ body: link("https://example.org/report") })).toEqual({ fields: { body: link("https://example.org/report") }, fieldErrors: {} });
  });

  it("does not take a body it cannot read", () => {
    const { fields, fieldErrors } = readDraftFields({ headline: "H", body: '{"type":"doc","content":[{"type":"nonsense"}]}' });
    expect(fields).toEqual({ headline: "H" });
    expect(fieldErrors.body?.[0]).toMatch(/could not be read/);
  });
});
