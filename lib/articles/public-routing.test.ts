import { describe, expect, it } from "vitest";
import { decideArticleRoute } from "./public-routing";

const nothing = { slugStanding: null, redirectStanding: null, redirectTo: null };

describe("what the proxy does with a path that may be an article", () => {
  it("lets a live article's own address through to its page", () => {
    expect(decideArticleRoute("/city/story", { ...nothing, slugStanding: "live" })).toBeNull();
    expect(decideArticleRoute("/city/story", { slugStanding: "live", redirectStanding: "live", redirectTo: "/city/other" })).toBeNull();
  });

  it("sends an old address of a live article to its current one", () => {
    expect(decideArticleRoute("/city/old", { ...nothing, redirectStanding: "live", redirectTo: "/business/new" })).toEqual({
      kind: "moved",
      to: "/business/new",
    });
  });

  it("answers Gone for a withdrawn article, at its address or an old one", () => {
    expect(decideArticleRoute("/city/story", { ...nothing, slugStanding: "withdrawn" })).toEqual({ kind: "gone" });
    expect(decideArticleRoute("/city/old", { ...nothing, redirectStanding: "withdrawn", redirectTo: "/city/story" })).toEqual({ kind: "gone" });
  });

  it("answers Not Found for drafts, scheduled and spiked articles and addresses that never were", () => {
    // The lookup gives drafts, scheduled and spiked articles no standing at all: readers know nothing of them.
    expect(decideArticleRoute("/city/x", nothing)).toEqual({ kind: "missing" });
    expect(decideArticleRoute("/city/old", { ...nothing, redirectTo: "/city/x" })).toEqual({ kind: "missing" });
  });

  it("never redirects an address to itself", () => {
    expect(decideArticleRoute("/city/story", { ...nothing, redirectStanding: "live", redirectTo: "/city/story" })).toEqual({ kind: "missing" });
  });
});
