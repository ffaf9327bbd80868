import { describe, expect, it } from "vitest";
import { afterMillisecondOf, onTagsExpired, tagExpiredAt, takeInChange } from "./store";

describe("a named change", () => {
  it("is taken in once per process, whichever way it comes first, and says when", () => {
    const heard: string[][] = [];
    const stop = onTagsExpired((tags) => heard.push(tags));
    try {
      const change = { id: "change-taken-once", tags: ["section:harbour", "front"] };
      expect(takeInChange(change, "here", 1_000)).toBe(1_000);
      // Later, the relay's message and an edge's fetch-again name it again: nothing is expired twice.
      expect(takeInChange(change, "elsewhere", 2_000)).toBe(1_000);
      expect(takeInChange({ ...change, tags: ["public"] }, "elsewhere", 3_000)).toBe(1_000);
      expect(heard).toEqual([["section:harbour", "front"]]);
      expect(tagExpiredAt("section:harbour")).toBe(1_000);
      expect(tagExpiredAt("public")).toBeUndefined();
    } finally {
      stop();
    }
  });

  it("waits out the expiry's millisecond, so a render begun after it counts as fresh", async () => {
    const at = Date.now();
    await afterMillisecondOf(at);
    expect(Date.now()).toBeGreaterThan(at);
  });
});
