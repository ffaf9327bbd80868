import { describe, expect, it } from "vitest";
import { decideArticleRoute } from "./public-routing";

const nothing = { slugStatus: null, redirectStatus: null, redirectTo: null };

describe("what the proxy does with a path that may be an article", () => {
  it("lets a live article's own address through to its page", () => {
    expect(decideArticleRoute("/city/story", { ...nothing, slugStatus: "published" })).toBeNull();
    expect(decideArticleRoute("/city/story", { slugStatus: "published", redirectStatus: "published", redirectTo: "/city/other" })).toBeNull();
  });

  it("sends an old address of a live article to its current one", () => {
    expect(decideArticleRoute("/city/old", { ...nothing, redirectStatus: "published", redirectTo: "/business/new" })).toEqual({
      kind: "moved",
      to: "/business/new",
    });
  });

  it("answers Gone for a withdrawn article, at its address or an old one", () => {
    expect(decideArticleRoute("/city/story", { ...nothing, slugStatus: "unpublished" })).toEqual({ kind: "gone" });
    expect(decideArticleRoute("/city/old", { ...nothing, redirectStatus: "unpublished", redirectTo: "/city/story" })).toEqual({ kind: "gone" });
  });

  it("answers Not Found for drafts, scheduled and spiked articles and addresses that never were", () => {
    for (const slugStatus of [null, "draft", "scheduled", "spiked"]) expect(decideArticleRoute("/city/x", { ...nothing, slugStatus })).toEqual({ kind: "missing" });
    expect(decideArticleRoute("/city/old", { ...nothing, redirectStatus: "draft", redirectTo: "/city/x" })).toEqual({ kind: "missing" });
  });

  it("never redirects an address to itself", () => {
    expect(decideArticleRoute("/city/story", { ...nothing, redirectStatus: "published", redirectTo: "/city/story" })).toEqual({ kind: "missing" });
  });
});
