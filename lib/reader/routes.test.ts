import { describe, expect, it } from "vitest";
import { isReaderAddress, normaliseQuery, pageNumber, readerRoute, routeKey } from "./routes";

const route = (address: string) => {
  const url = new URL(address, "http://paper.test");
  return readerRoute(url.pathname, url.searchParams);
};

describe("which reader page an address asks for", () => {
  it("knows every page type", () => {
    expect(route("/")).toEqual({ page: "home" });
    expect(route("/city")).toEqual({ page: "section", slug: "city", number: 1 });
    expect(route("/city?page=3")).toEqual({ page: "section", slug: "city", number: 3 });
    expect(route("/city/harbour-reopens")).toEqual({ page: "article", section: "city", slug: "harbour-reopens" });
    expect(route("/opinion")).toEqual({ page: "opinion", kind: undefined, number: 1 });
    expect(route("/opinion?kind=column&page=2")).toEqual({ page: "opinion", kind: "column", number: 2 });
    expect(route("/opinion/a-column")).toEqual({ page: "article", section: "opinion", slug: "a-column" });
    expect(route("/authors/ana-reyes?page=2")).toEqual({ page: "author", slug: "ana-reyes", number: 2 });
    expect(route("/tags/ferries")).toEqual({ page: "tag", slug: "ferries", number: 1 });
    expect(route("/corrections?page=4")).toEqual({ page: "corrections", number: 4 });
    expect(route("/search?q=%20ferry%20%20strike%20&page=2")).toEqual({ page: "search", query: "ferry strike", number: 2 });
  });

  it("treats a news kind or nonsense in ?kind= as all of Opinion, as a bad ?page= as the first page", () => {
    expect(route("/opinion?kind=news")).toEqual({ page: "opinion", kind: undefined, number: 1 });
    expect(route("/opinion?kind=<script>")).toEqual({ page: "opinion", kind: undefined, number: 1 });
    expect(["abc", "0", "-1", "1.5", "10000", ""].map(pageNumber)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(pageNumber("9999")).toBe(9999);
  });

  it("finds no page beneath the site's own paths or in addresses no slug can have", () => {
    for (const address of ["/search/x", "/media", "/desk", "/missing", "/withdrawn", "/authors", "/City", "/a/b/c", "/city/Story", "/café"]) {
      expect(route(address), address).toEqual({ page: "not-found" });
    }
  });

  it("serves the feeds, and leaves other files and media to Next", () => {
    expect(route("/feed.xml")).toEqual({ page: "feed", of: "paper" });
    expect(route("/city/feed.xml")).toEqual({ page: "feed", of: "section", slug: "city" });
    expect(route("/tags/ferries/feed.xml")).toEqual({ page: "feed", of: "tag", slug: "ferries" });
    expect(route("/search/feed.xml")).toEqual({ page: "not-found" });
    expect(["/feed.xml", "/city/feed.xml", "/tags/ferries/feed.xml"].every(isReaderAddress)).toBe(true);
    expect(["/robots.txt", "/a/b/feed.xml", "/favicon.ico", "/fonts/serif.woff2", "/media/x/640.webp"].some(isReaderAddress)).toBe(false);
    expect(["/", "/city", "/city/story", "/nowhere"].every(isReaderAddress)).toBe(true);
  });

  it("serves the sitemap index and its parts: the pages and one part per month", () => {
    expect(route("/sitemap.xml")).toEqual({ page: "sitemap", part: "index" });
    expect(route("/sitemaps/pages.xml")).toEqual({ page: "sitemap", part: "pages" });
    expect(route("/sitemaps/2026-11.xml")).toEqual({ page: "sitemap", part: "2026-11" });
    for (const stray of ["/sitemaps/2026-13.xml", "/sitemaps/index.xml", "/sitemaps/26-11.xml"]) expect(route(stray), stray).toEqual({ page: "not-found" });
    expect(["/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/2026-11.xml", "/news-sitemap.xml"].every(isReaderAddress)).toBe(true);
    expect(route("/news-sitemap.xml")).toEqual({ page: "sitemap", part: "news" });
    expect(route("/sitemaps/news.xml")).toEqual({ page: "not-found" });
    expect(routeKey(route("/sitemaps/2026-11.xml?x=1"))).toBe("sitemap:2026-11");
  });

  it("keeps one copy per page, whatever else the query string carries", () => {
    expect(routeKey(route("/city?page=2&utm_source=x"))).toBe(routeKey(route("/city?page=2")));
    expect(routeKey(route("/city?page=abc"))).toBe(routeKey(route("/city")));
    expect(routeKey(route("/search?q=Ferry"))).not.toBe(routeKey(route("/search?q=ferry strike")));
    expect(routeKey(route("/search?q= ferry  strike"))).toBe(routeKey(route("/search?q=ferry strike")));
    expect(normaliseQuery("x".repeat(300))).toHaveLength(200);
  });
});
