import { describe, expect, it } from "vitest";
import { articleJsonLd, jsonForScript } from "./seo";

const base = {
  headline: "Harbour dredging halted",
  excerpt: "The authority stopped night work.",
  kind: "news" as const,
  path: "/city/harbour-dredging-halted",
  section: { name: "City" },
  authorName: "Rina Qureshi",
  publishedAt: new Date("2026-11-01T08:00:00Z"),
  updatedStampAt: null,
};
const site = { newspaperName: "The Harbour Gazette", baseUrl: "https://paper.example" };

describe("structured data for an article", () => {
  it("describes a news story with its writer and first publication as both dates", () => {
    const data = articleJsonLd(base, site);
    expect(data["@type"]).toBe("NewsArticle");
    expect(data.datePublished).toBe("2026-11-01T08:00:00.000Z");
    expect(data.dateModified).toBe("2026-11-01T08:00:00.000Z");
    expect(data.author).toEqual([{ "@type": "Person", name: "Rina Qureshi" }]);
    expect(data.url).toBe("https://paper.example/city/harbour-dredging-halted");
  });

  it("uses the editor's Updated time as dateModified", () => {
    const data = articleJsonLd({ ...base, updatedStampAt: new Date("2026-11-02T10:00:00Z") }, site);
    expect(data.dateModified).toBe("2026-11-02T10:00:00.000Z");
    expect(data.datePublished).toBe("2026-11-01T08:00:00.000Z");
  });

  it("marks opinion and analysis, and credits editorials to the paper", () => {
    expect(articleJsonLd({ ...base, kind: "analysis" }, site)["@type"]).toBe("AnalysisNewsArticle");
    const editorial = articleJsonLd({ ...base, kind: "editorial" }, site);
    expect(editorial["@type"]).toBe("OpinionNewsArticle");
    expect(editorial.author).toEqual([{ "@type": "NewsMediaOrganization", name: "The Harbour Gazette", url: "https://paper.example/" }]);
  });

  it("cannot be broken out of its script element", () => {
    expect(jsonForScript({ headline: "</script><script>alert(1)</script>" })).not.toContain("</script>");
  });
});
