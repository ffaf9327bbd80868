/**
 * The public listings' pager (components/public/pagination.tsx): plain links, and, for a listing
 * counted only so far (lib/articles/listing-ids.ts), "of more than N" with an Older link still there.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pagination } from "@/components/public/pagination";

const render = (props: { page: number; pages: number; more?: boolean; params?: Record<string, string | undefined> }) =>
  renderToStaticMarkup(createElement(Pagination, { path: "/tags/water", ...props }));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("the public pager", () => {
  it("is not shown for a listing of one page", () => {
    expect(render({ page: 1, pages: 1 })).toBe("");
  });

  it("counts the pages of a listing counted to its end, with links both ways", () => {
    const html = render({ page: 2, pages: 3, params: { kind: "column" } });
    expect(text(html)).toBe("← Newer Page 2 of 3 Older →");
    expect(html).toContain('href="/tags/water?kind=column" rel="prev"');
    expect(html).toContain('href="/tags/water?kind=column&amp;page=3" rel="next"');
    expect(text(render({ page: 3, pages: 3 }))).toBe("← Newer Page 3 of 3");
  });

  it("says where counting stopped, and still links to older pages, even from the last one counted", () => {
    expect(text(render({ page: 1, pages: 1_051, more: true }))).toBe("Page 1 of more than 1,051 Older →");
    const last = render({ page: 51, pages: 51, more: true });
    expect(text(last)).toBe("← Newer Page 51 of more than 51 Older →");
    expect(last).toContain('href="/tags/water?page=52" rel="next"');
  });
});
