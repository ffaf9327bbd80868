import { describe, expect, it } from "vitest";
import { isLive, liveWhere } from "./live";
import { articleStatuses } from "./workflow";

describe("what readers may see", () => {
  it("is a published article with a live revision, and nothing else", () => {
    const live = articleStatuses.filter((status) => isLive({ status, liveRevisionId: "revision-1" }));
    expect(live).toEqual(["published"]);
  });

  it("is never an article without a live revision, whatever its state", () => {
    for (const status of articleStatuses) expect(isLive({ status, liveRevisionId: null }), status).toBe(false);
  });

  it("asks the database the same question", () => {
    expect(liveWhere).toEqual({ status: "published", liveRevisionId: { not: null } });
  });
});
