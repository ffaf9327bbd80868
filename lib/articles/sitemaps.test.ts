import { describe, expect, it } from "vitest";
import { isSitemapMonth, monthBounds, monthsBetween, sitemapIndexXml, sitemapMonth, urlsetXml } from "./sitemaps";

describe("the sitemap's months", () => {
  it("are UTC's months, named YYYY-MM", () => {
    expect(sitemapMonth(new Date("2026-11-30T23:59:59Z"))).toBe("2026-11");
    expect(sitemapMonth(new Date("2026-12-01T00:00:00Z"))).toBe("2026-12");
    expect(["2026-01", "1999-12"].every(isSitemapMonth)).toBe(true);
    expect(["2026-13", "2026-00", "2026-1", "pages"].some(isSitemapMonth)).toBe(false);
  });

  it("bound each month's query by its first instant and the next month's", () => {
    expect(monthBounds("2026-12")).toEqual({ from: new Date("2026-12-01T00:00:00Z"), to: new Date("2027-01-01T00:00:00Z") });
    expect(() => monthBounds("2026-13")).toThrow(RangeError);
  });

  it("run from the newest to the oldest, across years", () => {
    expect(monthsBetween(new Date("2025-11-20T00:00:00Z"), new Date("2026-02-03T00:00:00Z"))).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
    expect(monthsBetween(new Date("2026-02-01T00:00:00Z"), new Date("2026-02-28T00:00:00Z"))).toEqual(["2026-02"]);
  });
});

describe("the sitemap's XML", () => {
  it("is an index of parts and sets of addresses, each with its last change, escaped", () => {
    const index = sitemapIndexXml([{ loc: "https://paper.example/sitemaps/2026-11.xml", lastmod: new Date("2026-11-30T10:00:00Z") }]);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index).toContain("<sitemap><loc>https://paper.example/sitemaps/2026-11.xml</loc><lastmod>2026-11-30T10:00:00.000Z</lastmod></sitemap>");
    const set = urlsetXml([{ loc: "https://paper.example/city/a&b" }]);
    expect(set).toContain("<url><loc>https://paper.example/city/a&amp;b</loc></url>");
  });
});
