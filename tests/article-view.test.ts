/**
 * The article as readers see it, rendered to HTML as the server renders it: the dateline only on
 * the kinds that carry one, the house's short dates, and the print line at the foot.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleView, type ArticleViewProps } from "@/components/public/article-view";
import { articleKinds, takesDateline } from "@/lib/articles/kinds";

const article: ArticleViewProps = {
  headline: "The harbour wall holds",
  // Stored as an old row or a crafted request might have it: the page must still decide by kind.
  dateline: "HARBOURTON",
  standfirst: "",
  bodyHtml: "<p>The wall held through the night.</p>",
  kind: "news",
  sectionName: "City",
  authors: [{ name: "Ana Ruiz", path: "/authors/ana-ruiz" }],
  publishedAt: new Date("2017-10-11T03:00:00Z"),
  updatedStampAt: null,
  newspaperName: "The Harbourton Gazette",
  timeZone: "UTC",
};

const render = (props: Partial<ArticleViewProps>) => renderToStaticMarkup(createElement(ArticleView, { ...article, ...props }));
/** The page's words, without markup, as a reader (or a screen reader) meets them. */
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("an article page", () => {
  it.each(articleKinds.map((kind) => ({ kind, dated: takesDateline(kind) })))(
    "$kind: prints the dateline only where the kind carries one",
    ({ kind, dated }) => {
      const html = render({ kind });
      expect(html.includes("HARBOURTON"), kind).toBe(dated);
    },
  );

  it("carries no dateline and no lone colon on an editorial or a letter", () => {
    for (const kind of ["editorial", "letter"] as const) {
      const words = text(render({ kind }));
      expect(words).not.toContain("HARBOURTON");
      expect(words).not.toMatch(/(^|\s):/);
    }
    expect(text(render({ kind: "news" }))).toContain("HARBOURTON:");
  });

  it("ends with the print line, its day an ordinal and its month spelt out", () => {
    expect(text(render({}))).toContain("Published in The Harbourton Gazette, October 11th, 2017");
    expect(text(render({ kind: "letter" }))).toContain("Published in The Harbourton Gazette, October 11th, 2017");
  });

  it("stamps the short dates as the seed page does, September included", () => {
    const html = render({ publishedAt: new Date("2025-09-24T06:00:00Z"), updatedStampAt: new Date("2025-09-30T09:00:00Z") });
    expect(text(html)).toContain("Published 24 Sep, 2025");
    expect(text(html)).toContain("Updated 30 Sep, 2025");
    expect(text(html)).toContain("Published in The Harbourton Gazette, September 24th, 2025");
    expect(html).not.toMatch(/\bSept\b/);
  });
});
