import { describe, expect, it } from "vitest";
import { memoryPageStore, type StoredPage } from "./page-store";

const page = (tags: string[], renderedAt: number, size = 10): StoredPage => ({
  status: 200,
  contentType: "text/html; charset=utf-8",
  bodies: { identity: Buffer.alloc(size) },
  etag: '"x"',
  tags,
  renderedAt,
});

describe("the in-process page store", () => {
  it("keeps a page until one of its tags is expired after its render began", () => {
    const clock = new Map<string, number>();
    const store = memoryPageStore({ now: () => 1_000, expiredAt: (tag) => clock.get(tag) });
    store.put("article:city/a", page(["public", "article:a"], 500));
    clock.set("article:b", 900);
    expect(store.get("article:city/a")).toBeDefined();
    clock.set("article:a", 400); // before the render began: what it shows is already the change
    expect(store.get("article:city/a")).toBeDefined();
    clock.set("article:a", 500); // the same millisecond: it may not have seen it
    expect(store.get("article:city/a")).toBeUndefined();
  });

  it("drops pages by tag at once, and the rest stay", () => {
    const store = memoryPageStore({ now: () => 1_000, expiredAt: () => undefined });
    store.put("a", page(["public", "section:city"], 900));
    store.put("b", page(["public", "section:sport"], 900));
    store.expire(["section:city"]);
    expect([store.get("a"), store.get("b")?.tags]).toEqual([undefined, ["public", "section:sport"]]);
    expect(store.size()).toEqual({ pages: 1, bytes: 10 });
  });

  it("lets a page live at most its maximum age", () => {
    let now = 1_000;
    const store = memoryPageStore({ now: () => now, maxAgeMs: 100, expiredAt: () => undefined });
    store.put("a", page(["public"], 1_000));
    now = 1_099;
    expect(store.get("a")).toBeDefined();
    now = 1_100;
    expect(store.get("a")).toBeUndefined();
  });

  it("keeps a page whose content moves with the clock (the news sitemap's window) only its own, shorter time", () => {
    let now = 1_000;
    const store = memoryPageStore({ now: () => now, maxAgeMs: 100, expiredAt: () => undefined });
    store.put("sitemap:news", { ...page(["public"], 1_000), keptForMs: 30 });
    store.put("longer", { ...page(["public"], 1_000), keptForMs: 500 });
    now = 1_029;
    expect(store.get("sitemap:news")).toBeDefined();
    now = 1_030;
    expect([store.get("sitemap:news"), store.get("longer")?.keptForMs]).toEqual([undefined, 500]);
    now = 1_100;
    expect(store.get("longer")).toBeUndefined(); // never past the store's own maximum
  });

  it("evicts the least recently read pages past its byte budget", () => {
    const store = memoryPageStore({ maxBytes: 30, now: () => 1_000, expiredAt: () => undefined });
    store.put("a", page([], 900));
    store.put("b", page([], 900));
    store.put("c", page([], 900));
    store.get("a");
    store.put("d", page([], 900));
    expect(["a", "b", "c", "d"].filter((key) => store.get(key))).toEqual(["a", "c", "d"]);
    expect(store.size().bytes).toBe(30);
  });
});
