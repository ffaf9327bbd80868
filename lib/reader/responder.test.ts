import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { memoryPageStore } from "./page-store";
import { acceptedEncodings, readerCacheControl, readerResponder, type RenderedPage } from "./responder";
import { routeKey, type ReaderRoute } from "./routes";

/** A response that records what was written. */
function recorder() {
  const written: { status?: number; headers: Record<string, string>; body?: Buffer } = { headers: {} };
  const res = Object.assign(new EventEmitter(), {
    writeHead(status: number, headers: Record<string, string>) {
      written.status = status;
      Object.assign(written.headers, headers);
      return res;
    },
    end(body?: Buffer) {
      written.body = body;
      return res;
    },
  });
  return { res: res as unknown as ServerResponse, written };
}

const request = (headers: Record<string, string> = {}, method = "GET") => ({ method, headers }) as unknown as IncomingMessage;
const home: ReaderRoute = { page: "home" };
const html = `<!DOCTYPE html><title>Front</title>${"<p>The harbour reopens.</p>".repeat(200)}`;

function setUp() {
  let renders = 0;
  const render = async (): Promise<RenderedPage> => {
    renders += 1;
    await new Promise((resolve) => setImmediate(resolve));
    return { status: 200, html, tags: ["public"], renderedAt: Date.now() };
  };
  const store = memoryPageStore();
  const respond = readerResponder({ render, store, policy: "default-src 'none'" });
  const get = async (headers: Record<string, string> = {}, method = "GET") => {
    const { res, written } = recorder();
    await respond(request(headers, method), res, home);
    return written;
  };
  return { get, respond, store, renders: () => renders };
}

describe("answering from the page store", () => {
  it("renders a page once however many readers ask at the same moment, then answers from the store", async () => {
    const { get, renders } = setUp();
    const answers = await Promise.all([get(), get(), get()]);
    await get();
    expect(renders()).toBe(1);
    expect(answers.map((answer) => answer.body?.toString())).toEqual([html, html, html]);
  });

  it("renders a page ahead of its first reader when warmed, once, and serves that render", async () => {
    const { respond, get, renders } = setUp();
    respond.warm(home);
    respond.warm(home); // under way already: not a second render
    const first = await get();
    expect(first.status).toBe(200);
    expect(renders()).toBe(1);
  });

  it("sends gzip at once and Brotli once it is made, each decoding to the same page", async () => {
    const { get, respond } = setUp();
    const first = await get({ "accept-encoding": "gzip, deflate, br" });
    expect(first.headers["Content-Encoding"]).toBe("gzip");
    expect(gunzipSync(first.body!).toString()).toBe(html);
    await respond.settled();
    const later = await get({ "accept-encoding": "gzip, deflate, br" });
    expect(later.headers["Content-Encoding"]).toBe("br");
    expect(brotliDecompressSync(later.body!).toString()).toBe(html);
    expect(Number(later.headers["Content-Length"])).toBe(later.body!.length);
    expect(later.body!.length).toBeLessThan(first.body!.length);
    const plain = await get();
    expect([plain.headers["Content-Encoding"], plain.body?.toString()]).toEqual([undefined, html]);
  });

  it("answers 304 to a reader whose copy is current, in any encoding, and the page to one whose is not", async () => {
    const { get, respond } = setUp();
    await get();
    await respond.settled();
    const br = await get({ "accept-encoding": "br" });
    const etag = br.headers.ETag!;
    expect(etag).toMatch(/^"[\w-]{27}-br"$/);
    expect((await get({ "if-none-match": etag })).status).toBe(304);
    expect((await get({ "if-none-match": `W/${etag.replace("-br", "-gzip")}` })).status).toBe(304);
    expect((await get({ "if-none-match": '"something-else"' })).status).toBe(200);
  });

  it("renders afresh once the page's tag is expired", async () => {
    const { get, store, renders } = setUp();
    await get();
    store.expire(["public"]);
    await get();
    expect(renders()).toBe(2);
  });

  it("keeps each encoding in memory of its own size, not in the compressor's larger chunk", async () => {
    const { get, respond, store } = setUp();
    await get();
    await respond.settled();
    const stored = store.get(routeKey(home))!;
    expect(Object.keys(stored.bodies).sort()).toEqual(["br", "gzip", "identity"]);
    for (const body of Object.values(stored.bodies)) expect(body!.buffer.byteLength).toBe(body!.length);
  });

  it("sends headers without a body to HEAD", async () => {
    const { get } = setUp();
    const head = await get({}, "HEAD");
    expect([head.status, head.body, head.headers["Content-Length"]]).toEqual([200, undefined, String(Buffer.byteLength(html))]);
  });
});

describe("the encodings a reader accepts", () => {
  it("reads Accept-Encoding the way browsers and tools send it", () => {
    expect(acceptedEncodings("br, gzip")).toEqual(["br", "gzip"]);
    expect(acceptedEncodings("gzip, deflate, br, zstd")).toEqual(["br", "gzip"]);
    expect(acceptedEncodings("gzip")).toEqual(["gzip"]);
    expect(acceptedEncodings("br;q=0, gzip;q=0.5")).toEqual(["gzip"]);
    expect(acceptedEncodings("*")).toEqual(["br", "gzip"]);
    expect(acceptedEncodings("identity")).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});

describe("a page a change overtook while it was rendered", () => {
  it("still answers its reader, but no shared cache may keep it; the next reader gets a fresh one", async () => {
    const { expireTags } = await import("@/lib/public-cache/store");
    let renders = 0;
    // Each render begins 10 ms after the last, whatever the clock's resolution.
    const started = Date.now() - 1_000;
    const render = async (): Promise<RenderedPage> => {
      renders += 1;
      const renderedAt = started + renders * 10;
      // A story is published while this page reads the database.
      if (renders === 1) expireTags(["front"], renderedAt + 1);
      await new Promise((resolve) => setImmediate(resolve));
      return { status: 200, html, tags: ["public", "front"], renderedAt };
    };
    const respond = readerResponder({ render, store: memoryPageStore(), policy: "default-src 'none'" });
    const first = recorder();
    await respond(request(), first.res, home);
    expect(first.written.status).toBe(200);
    expect(first.written.headers["Cache-Control"]).toBe("no-store");
    const second = recorder();
    await respond(request(), second.res, home);
    expect(renders).toBe(2);
    expect(second.written.headers["Cache-Control"]).toMatch(/^public/);
  });
});

describe("a front cache fetching a changed page again", () => {
  const refreshOf = (req: IncomingMessage) => {
    if (req.headers["x-newsdesk-refresh"] !== "secret") return null;
    const id = req.headers["x-newsdesk-change"];
    return { changes: typeof id === "string" ? [{ id, tags: ["section:city"] }] : [] };
  };

  it("takes the change in, even before the process hears of it, and gets a page rendered after it", async () => {
    let renders = 0;
    const render = async (): Promise<RenderedPage> => {
      renders += 1;
      const count = renders;
      await new Promise((resolve) => setTimeout(resolve, 2)); // begun in a later millisecond than the expiry
      return { status: 200, html: `${html}<p>render ${count}</p>`, tags: ["public", "section:city"], renderedAt: Date.now() };
    };
    const respond = readerResponder({ render, store: memoryPageStore(), policy: "default-src 'none'", edgeRefresh: refreshOf });
    const answer = async (headers: Record<string, string> = {}) => {
      const { res, written } = recorder();
      await respond(request(headers), res, home);
      return written.body!.toString();
    };
    expect(await answer()).toContain("render 1");
    expect(await answer()).toContain("render 1"); // from the store
    expect(await answer({ "x-newsdesk-refresh": "secret", "x-newsdesk-change": "change-0001" })).toContain("render 2");
    expect(await answer({ "x-newsdesk-refresh": "wrong" })).toContain("render 2"); // and it is stored
    // The same change again (another encoding): taken in once, so the stored page answers.
    expect(await answer({ "x-newsdesk-refresh": "secret", "x-newsdesk-change": "change-0001" })).toContain("render 2");
    // A request naming no change is rendered afresh.
    expect(await answer({ "x-newsdesk-refresh": "secret" })).toContain("render 3");
    expect(renders).toBe(3);
  });

  it("gives a fetch-again asking for Brotli the Brotli copy of the new render, not the uncompressed page, while a reader then gets gzip", async () => {
    const render = async (): Promise<RenderedPage> => {
      await new Promise((resolve) => setTimeout(resolve, 2)); // begun in a later millisecond than the expiry
      return { status: 200, html, tags: ["public", "section:city"], renderedAt: Date.now() };
    };
    const respond = readerResponder({ render, store: memoryPageStore(), policy: "default-src 'none'", edgeRefresh: refreshOf });
    const answer = async (headers: Record<string, string>) => {
      const { res, written } = recorder();
      await respond(request(headers), res, home);
      return written;
    };
    const change = { "x-newsdesk-refresh": "secret", "x-newsdesk-change": "change-0009" };
    const [viaEdge, reader] = await Promise.all([answer({ ...change, "accept-encoding": "br" }), answer({ "accept-encoding": "br, gzip" })]);
    expect(viaEdge.headers["Content-Encoding"]).toBe("br");
    expect(brotliDecompressSync(viaEdge.body!).toString()).toBe(html);
    expect(reader.headers["Content-Encoding"]).toBe("gzip");
    expect(gunzipSync(reader.body!).toString()).toBe(html);
  });

  it("renders once for all the encodings asked at once, and never answers with a render begun before the change", async () => {
    let renders = 0;
    const started: (() => void)[] = [];
    const render = async (): Promise<RenderedPage> => {
      renders += 1;
      const renderedAt = Date.now();
      const html_ = `${html}<p>render ${renders}</p>`;
      await new Promise<void>((resolve) => started.push(resolve));
      return { status: 200, html: html_, tags: ["public", "section:city"], renderedAt };
    };
    const respond = readerResponder({ render, store: memoryPageStore(), policy: "default-src 'none'", edgeRefresh: refreshOf });
    const answer = (headers: Record<string, string> = {}) => {
      const { res, written } = recorder();
      return respond(request(headers), res, home).then(() => ({ body: written.body!.toString(), cache: written.headers["Cache-Control"] }));
    };
    const reader = answer(); // a render under way when the change lands
    await new Promise((resolve) => setTimeout(resolve, 5));
    const refreshes = ["br", "gzip", ""].map(() => answer({ "x-newsdesk-refresh": "secret", "x-newsdesk-change": "change-0002" }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    started.shift()!(); // the reader's render ends: begun before the change
    await new Promise((resolve) => setTimeout(resolve, 5));
    started.shift()!(); // the one render after it
    const [before, ...after] = await Promise.all([reader, ...refreshes]);
    expect(before).toEqual({ body: expect.stringContaining("render 1"), cache: "no-store" });
    for (const each of after) expect(each).toEqual({ body: expect.stringContaining("render 2"), cache: expect.stringMatching(/^public/) });
    expect(renders).toBe(2);
  });

  it("under changes coming faster than the page renders, gives each change's fetch-again the first render begun after it, one render a change", async () => {
    let renders = 0;
    const finish: (() => void)[] = [];
    const render = async (): Promise<RenderedPage> => {
      renders += 1;
      const renderedAt = Date.now();
      const html_ = `${html}<p>render ${renders}</p>`;
      await new Promise<void>((resolve) => finish.push(resolve));
      return { status: 200, html: html_, tags: ["public", "section:city"], renderedAt };
    };
    const respond = readerResponder({ render, store: memoryPageStore(), policy: "default-src 'none'", edgeRefresh: refreshOf });
    const refresh = (change: string) =>
      ["br", "gzip", ""].map(() => {
        const { res, written } = recorder();
        return respond(request({ "x-newsdesk-refresh": "secret", "x-newsdesk-change": change }), res, home).then(() => ({ body: written.body!.toString(), cache: written.headers["Cache-Control"] }));
      });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
    // Five changes, each arriving while the render begun after the one before is still under way.
    const answers: ReturnType<typeof refresh>[] = [];
    for (const [index, change] of ["change-a001", "change-b002", "change-c003", "change-d004", "change-e005"].entries()) {
      answers.push(refresh(change));
      await pause();
      if (index > 0) finish.shift()!(); // the render begun after the previous change ends, now that this one has come
      await pause();
    }
    while (finish.length > 0) {
      finish.shift()!();
      await pause();
    }
    const got = await Promise.all(answers.map((each) => Promise.all(each)));
    got.forEach((encodings, index) => {
      for (const each of encodings) expect(/render (\d+)<\/p>/.exec(each.body)?.[1]).toBe(String(index + 1));
      // Overtaken by the next change, whose own fetch-again brings the newer page: not kept.
      for (const each of encodings) expect(each.cache).toBe(index < 4 ? "no-store" : readerCacheControl);
    });
    expect(renders).toBe(5);
  });

  it("renders once when the render begins in the very millisecond the change is taken in", async () => {
    let renders = 0;
    // Stamped the moment it begins, with no wait: the tag clock counts whole milliseconds.
    const render = async (): Promise<RenderedPage> => {
      renders += 1;
      return { status: 200, html: `${html}<p>render ${renders}</p>`, tags: ["public", "section:city"], renderedAt: Date.now() };
    };
    const respond = readerResponder({ render, store: memoryPageStore(), policy: "default-src 'none'", edgeRefresh: refreshOf });
    const { res, written } = recorder();
    await respond(request({ "x-newsdesk-refresh": "secret", "x-newsdesk-change": "change-same-millisecond" }), res, home);
    expect(written.body!.toString()).toContain("render 1");
    expect(written.headers["Cache-Control"]).toMatch(/^public/);
    expect(renders).toBe(1);
  });

  it("does not expire again a change this process made itself: the page rendered after it answers", async () => {
    const { takeInChange } = await import("@/lib/public-cache/store");
    let renders = 0;
    const render = async (): Promise<RenderedPage> => {
      renders += 1;
      return { status: 200, html: `${html}<p>render ${renders}</p>`, tags: ["public", "section:city"], renderedAt: Date.now() };
    };
    const respond = readerResponder({ render, store: memoryPageStore(), policy: "default-src 'none'", edgeRefresh: refreshOf });
    const answer = async (headers: Record<string, string> = {}) => {
      const { res, written } = recorder();
      await respond(request(headers), res, home);
      return written.body!.toString();
    };
    // The publishing process expires the change's tags (refreshPublicPages), and a reader's
    // request renders the page afresh before the edge's fetch-again comes back to this process.
    const at = takeInChange({ id: "change-made-here", tags: ["section:city"] }, "here");
    while (Date.now() <= at) await new Promise((resolve) => setImmediate(resolve));
    expect(await answer()).toContain("render 1");
    expect(await answer({ "x-newsdesk-refresh": "secret", "x-newsdesk-change": "change-made-here" })).toContain("render 1");
    expect(renders).toBe(1);
  });
});
