import { describe, expect, it } from "vitest";
import { tagsToRefresh, type PublicFootprint } from "./tags";

const story: PublicFootprint = {
  slug: "ferry-fares-rise",
  sectionSlug: "city",
  kind: "news",
  authorSegments: ["rina-qureshi"],
  tagSlugs: ["ferries"],
  hasCorrections: false,
  publishedMonth: "2026-11",
};

describe("which cached pages a change refreshes", () => {
  it("a publication reaches the story's page, the front page, its section, writers, topics, feeds, its month's sitemap and search", () => {
    expect(tagsToRefresh(null, story)).toEqual(
      ["article:ferry-fares-rise", "author:rina-qureshi", "feed", "front", "search", "section:city", "sitemap", "sitemap:2026-11", "tag:ferries"].sort(),
    );
  });

  it("a story given a new publication date leaves its old month's sitemap for the new one's", () => {
    expect(tagsToRefresh(story, { ...story, publishedMonth: "2026-12" })).toEqual(expect.arrayContaining(["sitemap:2026-11", "sitemap:2026-12"]));
  });

  it("a withdrawal refreshes the same pages, so the story leaves every one of them", () => {
    expect(tagsToRefresh(story, null)).toEqual(tagsToRefresh(null, story));
  });

  it("an opinion piece refreshes Opinion (and the rail beside every article), not the front page's news", () => {
    const column = { ...story, kind: "column" as const, sectionSlug: "opinion" };
    const tags = tagsToRefresh(null, column);
    expect(tags).toContain("opinion");
    expect(tags).not.toContain("front");
  });

  it("a new address refreshes the old one as well as the new, and a moved story both sections", () => {
    const moved = { ...story, slug: "ferry-fares-rise-again", sectionSlug: "business" };
    const tags = tagsToRefresh(story, moved);
    expect(tags).toEqual(expect.arrayContaining(["article:ferry-fares-rise", "article:ferry-fares-rise-again", "section:city", "section:business"]));
  });

  it("a writer or topic dropped from the byline or tags has their page refreshed too", () => {
    const after = { ...story, authorSegments: ["tom-lee"], tagSlugs: ["harbour"] };
    expect(tagsToRefresh(story, after)).toEqual(expect.arrayContaining(["author:rina-qureshi", "author:tom-lee", "tag:ferries", "tag:harbour"]));
  });

  it("the corrections page only when the story carries corrections", () => {
    expect(tagsToRefresh(null, story)).not.toContain("corrections");
    expect(tagsToRefresh(story, { ...story, hasCorrections: true })).toContain("corrections");
  });

  it("nothing when readers could see the story neither before nor after", () => {
    expect(tagsToRefresh(null, null)).toEqual([]);
  });
});
