import { describe, expect, it } from "vitest";
import { changedAddresses, edgeSettings } from "./edges";
import type { PublicFootprint } from "./tags";

const story: PublicFootprint = { slug: "ferry-times", sectionSlug: "city", kind: "news", authorSegments: ["sam-reed"], tagSlugs: ["ferries"], hasCorrections: false, publishedMonth: "2026-11" };

describe("the addresses the edges fetch again", () => {
  it("are the first pages that show a story, before and after the change: the front page alone, then the story and its fronts", () => {
    const moved = { ...story, sectionSlug: "business", kind: "column" as const, hasCorrections: true };
    const { front, first, then } = changedAddresses([story, moved]);
    expect(front).toEqual(["/"]);
    expect(first.sort()).toEqual(["/business", "/business/ferry-times", "/city", "/city/ferry-times", "/opinion"]);
    expect(then.sort()).toEqual(
      [
        "/city/feed.xml",
        "/business/feed.xml",
        "/authors/sam-reed",
        "/tags/ferries",
        "/tags/ferries/feed.xml",
        "/feed.xml",
        "/sitemap.xml",
        "/sitemaps/pages.xml",
        "/sitemaps/2026-11.xml",
        "/news-sitemap.xml",
        "/corrections",
      ].sort(),
    );
    expect(changedAddresses([null, story]).front).toEqual(["/"]);
    expect(changedAddresses([story, null]).front).toEqual(["/"]);
    expect(changedAddresses([null, null])).toEqual({ front: [], first: [], then: [] });
  });

  it("for a change to everything, are the front page, Opinion, the feed and the sitemaps", () => {
    expect(changedAddresses("everything")).toEqual({ front: ["/"], first: ["/opinion"], then: ["/feed.xml", "/sitemap.xml", "/sitemaps/pages.xml", "/news-sitemap.xml"] });
  });
});

describe("the edge settings", () => {
  it("are off without NEWSDESK_EDGES, and name each edge and the public host with it", () => {
    expect(edgeSettings({})).toBeNull();
    const env = { NEWSDESK_EDGES: "http://10.0.0.5:80, http://10.0.0.6:8080", NEWSDESK_EDGE_SECRET: "a-long-enough-secret-1234" };
    expect(edgeSettings(env)).toMatchObject({ edges: ["http://10.0.0.5:80", "http://10.0.0.6:8080"], secret: "a-long-enough-secret-1234" });
  });

  it("refuse a half-made setting with what is wrong", () => {
    expect(() => edgeSettings({ NEWSDESK_EDGES: "http://10.0.0.5" })).toThrow(/NEWSDESK_EDGE_SECRET/);
    expect(() => edgeSettings({ NEWSDESK_EDGES: "10.0.0.5:80", NEWSDESK_EDGE_SECRET: "a-long-enough-secret-1234" })).toThrow(/http:\/\//);
    expect(() => edgeSettings({ NEWSDESK_EDGES: "http://10.0.0.5", NEWSDESK_EDGE_SECRET: "short" })).toThrow(/at least 16/);
  });
});

describe("an edge's fetch-again request", () => {
  it("is known by the exact secret only", async () => {
    const { isEdgeRefresh } = await import("./edges");
    expect(isEdgeRefresh("a-long-enough-secret-1234", "a-long-enough-secret-1234")).toBe(true);
    expect(isEdgeRefresh("a-long-enough-secret-123", "a-long-enough-secret-1234")).toBe(false);
    expect(isEdgeRefresh(undefined, "a-long-enough-secret-1234")).toBe(false);
    expect(isEdgeRefresh(["a-long-enough-secret-1234"], "a-long-enough-secret-1234")).toBe(false);
  });

  it("names the change it brings, which this process takes in; a wrong secret or a malformed change is not taken", async () => {
    const { edgeRefresh } = await import("./edges");
    const settings = { edges: ["http://127.0.0.1:8080"], secret: "a-long-enough-secret-1234", host: "paper.example" };
    const secret = { "x-newsdesk-refresh": "a-long-enough-secret-1234" };
    const tags = { "x-newsdesk-change": "0b6f3c1e-2a4d-4f7e-9c1a-5d2e8b7f6a90", "x-newsdesk-expired": "article:ferry-times section:city tag:caf%C3%A9" };
    expect(edgeRefresh({ ...secret, ...tags }, settings)).toEqual({
      changes: [{ id: "0b6f3c1e-2a4d-4f7e-9c1a-5d2e8b7f6a90", tags: ["article:ferry-times", "section:city", "tag:café"] }],
    });
    expect(edgeRefresh({ ...tags, "x-newsdesk-refresh": "not-the-secret-at-all" }, settings)).toBeNull();
    expect(edgeRefresh({ ...secret, ...tags }, null)).toBeNull();
    expect(edgeRefresh(tags, settings)).toBeNull();
    // A refresh that names no change, or a malformed one, is still a refresh: rendered afresh.
    const none = { changes: [] };
    expect(edgeRefresh(secret, settings)).toEqual(none);
    expect(edgeRefresh({ ...secret, ...tags, "x-newsdesk-expired": "article:a <script>" }, settings)).toEqual(none);
    expect(edgeRefresh({ ...secret, ...tags, "x-newsdesk-change": "x" }, settings)).toEqual(none);
    // Two names and one list of tags: which tags are whose is not known.
    expect(edgeRefresh({ ...secret, ...tags, "x-newsdesk-change": "0b6f3c1e-2a4d 9d8e7f6a-1b2c" }, settings)).toEqual(none);
  });

  it("names several changes, each with its own tags, as the headers made for them say", async () => {
    const { changeHeaders, edgeRefresh } = await import("./edges");
    const settings = { edges: ["http://127.0.0.1:8080"], secret: "a-long-enough-secret-1234", host: "paper.example" };
    const changes = [
      { id: "change-one-0001", tags: ["author:sam-reed", "feed", "tag:café"] },
      { id: "change-two-0002", tags: ["feed", "sitemap:2026-11"] },
    ];
    const headers = Object.fromEntries(Object.entries(changeHeaders(changes)).map(([name, value]) => [name.toLowerCase(), value]));
    expect(edgeRefresh({ "x-newsdesk-refresh": "a-long-enough-secret-1234", ...headers }, settings)).toEqual({ changes });
  });
});
