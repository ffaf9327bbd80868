import { describe, expect, it } from "vitest";
import { newsSitemapXml } from "./news-sitemap";

describe("the news sitemap", () => {
  it("lists each article with its first publication date and an escaped title", () => {
    const xml = newsSitemapXml({
      entries: [{ path: "/city/a-and-b", headline: "Fish & chips <cheaper>", publishedAt: new Date("2026-11-24T08:00:00Z") }],
      baseUrl: "https://paper.example",
      publicationName: "The Harbour Gazette",
    });
    expect(xml).toContain("<loc>https://paper.example/city/a-and-b</loc>");
    expect(xml).toContain("<news:title>Fish &amp; chips &lt;cheaper&gt;</news:title>");
    expect(xml).toContain("<news:publication_date>2026-11-24T08:00:00.000Z</news:publication_date>");
    expect(xml).toContain("<news:name>The Harbour Gazette</news:name>");
  });
});
