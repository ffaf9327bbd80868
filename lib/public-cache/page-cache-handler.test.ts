import { createRequire } from "node:module";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { expireTags } from "./store";

const require = createRequire(import.meta.url);
type Entry = { value: unknown; lastModified: number } | null;
type Handler = {
  get(key: string, ctx: Record<string, unknown>): Promise<Entry>;
  set(key: string, value: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
const PublicPageCache = require("./page-cache-handler.cjs") as new () => Handler;

const page = (tags: string[]) => ({ kind: "APP_PAGE", html: "<p>story</p>", rscData: Buffer.from("rsc"), headers: { "x-next-cache-tags": tags.join(",") }, status: 200 });
const pageCtx = { kind: "APP_PAGE" };

describe("the server's page cache", () => {
  let now = 1_000_000;
  beforeEach(() => {
    now += 1_000_000;
    vi.spyOn(Date, "now").mockImplementation(() => now);
  });

  it("serves a stored page until one of its tags is expired, from anywhere in the process", async () => {
    const cache = new PublicPageCache();
    const key = `/route-cache/APP_PAGE/x/$/city/story-${now}`;
    expect(await cache.get(key, pageCtx)).toBeNull();
    await cache.set(key, page(["public", "article:story"]), { cacheControl: { revalidate: 3600 } });
    now += 10;
    expect((await cache.get(key, pageCtx))?.value).toMatchObject({ html: "<p>story</p>" });

    now += 10;
    expireTags(["article:story"]);
    now += 10;
    expect(await cache.get(key, pageCtx)).toBeNull();
  });

  it("does not keep a render that began before the tag was expired", async () => {
    const cache = new PublicPageCache();
    const key = `/route-cache/APP_PAGE/x/$/home-${now}`;
    expect(await cache.get(key, pageCtx)).toBeNull(); // the render begins…
    now += 5;
    expireTags(["front"]); // …a story is published while it reads the database…
    now += 5;
    await cache.set(key, page(["public", "front"]), {}); // …and it finishes with what it read before.
    now += 5;
    expect(await cache.get(key, pageCtx)).toBeNull();
  });

  it("keeps data entries by the tags Next gives with them, and honours revalidateTag", async () => {
    const cache = new PublicPageCache();
    const key = `fetch-${now}`;
    await cache.get(key, { kind: "FETCH", tags: ["public", "search"] });
    await cache.set(key, { kind: "FETCH", data: { body: "[]", headers: {}, status: 200, url: "" }, revalidate: 3600 }, { fetchCache: true, tags: ["public", "search"] });
    now += 10;
    expect(await cache.get(key, { kind: "FETCH", tags: ["public", "search"] })).not.toBeNull();
    now += 10;
    await cache.revalidateTag("search");
    now += 10;
    expect(await cache.get(key, { kind: "FETCH", tags: ["public", "search"] })).toBeNull();
  });

  it("starts empty in every process: nothing from an earlier run or build can be served", async () => {
    const cache = new PublicPageCache();
    expect(await cache.get("/route-cache/APP_PAGE/x/$/index", pageCtx)).toBeNull();
  });
});
