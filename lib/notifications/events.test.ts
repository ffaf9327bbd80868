import { describe, expect, it } from "vitest";
import { noticesForHistoryLine } from "./events";

const line = { id: "e1", articleId: "a1", actorId: "u1", note: "Tighten the intro." };

describe("noticesForHistoryLine", () => {
  it.each([
    ["submit", "submitted"],
    ["requestChanges", "changes_requested"],
    ["approve", "approved"],
    ["schedule", "scheduled"],
    ["publish", "published"],
    ["unpublish", "withdrawn"],
  ])("tells of %s as %s, with its note and its history line", (action, kind) => {
    expect(noticesForHistoryLine({ ...line, action })).toEqual([{ kind, articleId: "a1", actorId: "u1", note: "Tighten the intro.", eventId: "e1" }]);
  });

  it("tells of a republication only when it brings a correction", () => {
    expect(noticesForHistoryLine({ ...line, action: "republish" })).toEqual([]);
    expect(noticesForHistoryLine({ ...line, action: "republish" }, { corrected: true })).toMatchObject([{ kind: "corrected" }]);
  });

  it("adds a late go-live, caused by nobody, to a late scheduled publication", () => {
    expect(noticesForHistoryLine({ ...line, action: "publish", late: true })).toMatchObject([
      { kind: "published", actorId: "u1" },
      { kind: "late_publication", actorId: null },
    ]);
  });

  it.each(["create", "spike", "restore", "cancelSchedule", "edited-after-approval"])("stays quiet about %s", (action) => {
    expect(noticesForHistoryLine({ ...line, action })).toEqual([]);
  });
});
