import { describe, expect, it } from "vitest";
import { articleJsonLd, jsonForScript } from "./seo";

const base = {
  headline: "Harbour dredging halted",
  description: "The authority stopped night work.",
  kind: "news" as const,
  path: "/city/harbour-dredging-halted",
  section: { name: "City" },
  authors: [{ name: "Rina Qureshi", path: "/authors/rina-qureshi" }],
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
    expect(data.author).toEqual([{ "@type": "Person", name: "Rina Qureshi", url: "https://paper.example/authors/rina-qureshi" }]);
    expect(data.description).toBe("The authority stopped night work.");
    expect(data).not.toHaveProperty("image");
    expect(data.url).toBe("https://paper.example/city/harbour-dredging-halted");
  });

  it("uses the editor's Updated time as dateModified", () => {
    const data = articleJsonLd({ ...base, updatedStampAt: new Date("2026-11-02T10:00:00Z") }, site);
    expect(data.dateModified).toBe("2026-11-02T10:00:00.000Z");
    expect(data.datePublished).toBe("2026-11-01T08:00:00.000Z");
  });

  it("gives the dateline where the kind carries one, and never an empty one", () => {
    expect(articleJsonLd({ ...base, dateline: "HARBOURTON" }, site)).toHaveProperty("dateline", "HARBOURTON");
    expect(articleJsonLd({ ...base, dateline: "  " }, site)).not.toHaveProperty("dateline");
    expect(articleJsonLd({ ...base, kind: "editorial", dateline: "HARBOURTON" }, site)).not.toHaveProperty("dateline");
    expect(articleJsonLd({ ...base, kind: "letter", dateline: "HARBOURTON" }, site)).not.toHaveProperty("dateline");
  });

  it("marks opinion and analysis, and credits editorials to the paper", () => {
    expect(articleJsonLd({ ...base, kind: "analysis" }, site)["@type"]).toBe("AnalysisNewsArticle");
    const editorial = articleJsonLd({ ...base, kind: "editorial" }, site);
    expect(editorial["@type"]).toBe("OpinionNewsArticle");
    expect(editorial.author).toEqual([{ "@type": "NewsMediaOrganization", name: "The Harbour Gazette", url: "https://paper.example/" }]);
  });

  it("names every writer of a shared byline, in order", () => {
    const data = articleJsonLd({ ...base, authors: [{ name: "A One", path: "/authors/a" }, { name: "B Two", path: "/authors/b" }] }, site);
    expect(data.author.map((author) => author.name)).toEqual(["A One", "B Two"]);
  });

  it("gives the featured image as an absolute address with its size, and the tags as keywords", () => {
    const data = articleJsonLd(
      {
        ...base,
        image: { src: "/media/abc/1600.webp", width: 1600, height: 900, caption: "The dredger at dawn.", credit: "Photo: Ana Ruiz" },
        tags: [{ name: "Harbour" }, { name: "Dredging" }],
      },
      site,
    );
    expect(data.image).toEqual([
      { "@type": "ImageObject", url: "https://paper.example/media/abc/1600.webp", width: 1600, height: 900, caption: "The dredger at dawn.", creditText: "Photo: Ana Ruiz" },
    ]);
    expect(data.keywords).toEqual(["Harbour", "Dredging"]);
  });

  it("cannot be broken out of its script element", () => {
    expect(jsonForScript({ headline: "</script><script>alert(1)</script>" })).not.toContain("</script>");
  });
});
