import { describe, expect, it } from "vitest";
import { missingForReview } from "@/lib/articles/completeness";
import { kindRules } from "@/lib/articles/kinds";
import { demoArticles } from "@/prisma/demo/content";

describe("the demo newsroom's stories", () => {
  it("carry a dateline only where their kind does: none on an editorial or a letter", () => {
    for (const article of demoArticles) {
      const rule = kindRules[article.kind].dateline;
      if (rule === "none") expect(article.dateline, article.headline).toBeUndefined();
      if (rule === "required") expect(article.dateline?.trim(), article.headline).toBeTruthy();
    }
    expect(demoArticles.some((article) => article.kind === "editorial")).toBe(true);
  });

  it("are complete by the workflow's own rule", () => {
    for (const article of demoArticles) {
      const bylineIds = kindRules[article.kind].byline === "none" ? [] : ["writer"];
      expect(missingForReview({ ...article, dateline: article.dateline ?? "", sectionId: article.section, bylineIds }), article.headline).toEqual({});
    }
  });
});
