/** The server's heap limit (scripts/runtime.ts): 512 MiB unless the operator sets another. */
import { describe, expect, it } from "vitest";
import { serverHeapMiB } from "@/scripts/runtime";

describe("serverHeapMiB", () => {
  it("is 512 MiB unless NEWSDESK_HEAP_MB names another whole number", () => {
    expect(serverHeapMiB({})).toBe(512);
    expect(serverHeapMiB({ NEWSDESK_HEAP_MB: " " })).toBe(512);
    expect(serverHeapMiB({ NEWSDESK_HEAP_MB: "1024" })).toBe(1024);
  });

  it("refuses what would not be a heap, saying what it needs", () => {
    for (const given of ["lots", "12.5", "64", "-1"]) {
      expect(() => serverHeapMiB({ NEWSDESK_HEAP_MB: given })).toThrow(/at least 128/);
    }
  });
});
