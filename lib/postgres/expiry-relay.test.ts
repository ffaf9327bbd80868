import { describe, expect, it } from "vitest";
import { expiryPayload, parseExpiryPayload } from "./expiry-relay";

describe("page expiry messages between server processes", () => {
  it("carry the sender and the tags, and read back the same", () => {
    const payload = expiryPayload("process-a", ["article:ferry", "front"]);
    expect(parseExpiryPayload(payload)).toEqual({ from: "process-a", tags: ["article:ferry", "front"] });
  });

  it("carry the change's name when it has one, so each process takes the change in once", () => {
    const payload = expiryPayload("process-a", ["front"], "3f1c9a52-7d0e-4b8a-9c11-2e6f0a7b5d43");
    expect(parseExpiryPayload(payload)).toEqual({ from: "process-a", tags: ["front"], change: "3f1c9a52-7d0e-4b8a-9c11-2e6f0a7b5d43" });
  });

  it("become 'everything' when the tags would not fit in one notification", () => {
    const tags = Array.from({ length: 400 }, (_, index) => `tag:a-rather-long-topic-name-${index}`);
    const payload = expiryPayload("process-a", tags);
    expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(parseExpiryPayload(payload)).toEqual({ from: "process-a", tags: ["public"] });
  });

  it("ignore anything else on the channel", () => {
    for (const stray of [undefined, "", "not json", "{}", JSON.stringify({ from: "x", tags: [] }), JSON.stringify({ tags: ["front"] })]) {
      expect(parseExpiryPayload(stray)).toBeNull();
    }
  });
});
