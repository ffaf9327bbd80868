import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ArticleRoute } from "@/lib/articles/public-routing";
import { memoryPageStore } from "@/lib/reader/page-store";
import { readerResponder, type RenderedPage } from "@/lib/reader/responder";
import { routeKey, type ReaderRoute } from "@/lib/reader/routes";
import { newsdeskRequestListener, type NextHandler } from "./request-listener";

/**
 * The server's routing over real HTTP: the real reader responder and page store, with a stand-in
 * renderer (each page's HTML names its route), and a stand-in for Next's handler.
 */
const seenByNext: string[] = [];
const rendered: string[] = [];

const fakeNext: NextHandler = async (req, res) => {
  seenByNext.push(req.url!);
  res.setHeader("content-type", "text/plain");
  res.end(`next:${req.url}`);
};

async function fakeRender(route: ReaderRoute): Promise<RenderedPage> {
  rendered.push(routeKey(route));
  if (route.page === "section" && route.slug === "nowhere") return { notFound: true };
  if (route.page === "author" && route.slug === "old-name") return { redirect: "/authors/new-name" };
  if (route.page === "section" && route.slug === "broken") throw new Error("render failed");
  const status = route.page === "withdrawn" ? 410 : route.page === "not-found" ? 404 : 200;
  if (route.page === "feed") return { status, html: `<rss><title>${routeKey(route)}</title></rss>`, contentType: "application/rss+xml; charset=utf-8", tags: ["public"], renderedAt: Date.now() };
  return { status, html: `<!DOCTYPE html><title>${routeKey(route)}</title>${"<p>News.</p>".repeat(100)}`, tags: ["public"], renderedAt: Date.now() };
}

const articles: Record<string, ArticleRoute> = {
  "/city/old-address": { kind: "moved", to: "/city/new-address" },
  "/city/withdrawn-story": { kind: "gone" },
  "/city/no-such-story": { kind: "missing" },
};

let server: http.Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
  seenByNext.length = 0;
  rendered.length = 0;
});

async function listen(
  routeArticle: (pathname: string) => ArticleRoute | null | Promise<ArticleRoute | null> = (pathname) => articles[pathname] ?? null,
) {
  const reader = readerResponder({ render: fakeRender, store: memoryPageStore(), policy: "default-src 'none'", onError: () => {} });
  server = http.createServer(newsdeskRequestListener(fakeNext, reader, routeArticle));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
}

async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  if (!server) await listen();
  const { port } = server!.address() as AddressInfo;
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    http
      .request({ port, host: "127.0.0.1", path, headers, method }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = response.headers["content-encoding"];
          const body = encoding === "gzip" ? zlib.gunzipSync(raw) : encoding === "br" ? zlib.brotliDecompressSync(raw) : raw;
          resolve({ status: response.statusCode!, headers: response.headers, body: body.toString() });
        });
      })
      .on("error", reject)
      .end();
  });
}

const titleOf = (body: string) => /<title>(.*)<\/title>/.exec(body)?.[1];

describe("the server's routing", () => {
  it("renders reader pages itself and hands the desk, the API, files and media to Next", async () => {
    expect(titleOf((await get("/")).body)).toBe("home");
    expect(titleOf((await get("/city?page=2")).body)).toBe("section:city:2");
    expect(titleOf((await get("/city/feed.xml")).body)).toBe("feed:section:city");
    expect(titleOf((await get("/sitemap.xml")).body)).toBe("sitemap:index");
    expect(titleOf((await get("/sitemaps/2026-11.xml")).body)).toBe("sitemap:2026-11");
    expect(titleOf((await get("/news-sitemap.xml")).body)).toBe("sitemap:news");
    for (const path of ["/desk/articles", "/api/health", "/login", "/robots.txt", "/favicon.ico", "/media/abc/640.webp", "/_next/static/x.js"]) {
      expect((await get(path)).body, path).toBe(`next:${path}`);
    }
    expect(seenByNext).toHaveLength(7);
  });

  it("sends an old article address on to the current one for good, keeping the query", async () => {
    const response = await get("/city/old-address?ref=feed");
    expect([response.status, response.headers.location]).toEqual([308, "/city/new-address?ref=feed"]);
  });

  it("answers a withdrawn article 410 and a missing one 404, each with its complete page", async () => {
    const gone = await get("/city/withdrawn-story");
    expect([gone.status, titleOf(gone.body)]).toEqual([410, "withdrawn"]);
    const missing = await get("/city/no-such-story");
    expect([missing.status, titleOf(missing.body)]).toEqual([404, "not-found"]);
  });

  it("answers a page that does not exist with the one stored not-found page, so strays never fill the store", async () => {
    const response = await get("/nowhere");
    expect([response.status, titleOf(response.body)]).toEqual([404, "not-found"]);
    await get("/nowhere?x=1");
    await get("/a/b/c");
    await get("/Capitals");
    expect(rendered.filter((key) => key === "not-found")).toHaveLength(1);
  });

  it("follows a page's own redirect with a 308", async () => {
    const response = await get("/authors/old-name");
    expect([response.status, response.headers.location]).toEqual([308, "/authors/new-name"]);
  });

  it("keeps serving when the article lookup fails: the page answers for itself", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    await listen(() => {
      throw new Error("database is locked");
    });
    const response = await get("/city/a-story");
    quiet.mockRestore();
    expect([response.status, titleOf(response.body)]).toEqual([200, "article:city/a-story"]);
  });

  it("waits for a lookup that answers later (PostgreSQL's), and serves the page when it fails", async () => {
    await listen(async (pathname) => articles[pathname] ?? null);
    const moved = await get("/city/old-address?ref=feed");
    expect([moved.status, moved.headers.location]).toEqual([308, "/city/new-address?ref=feed"]);
    const gone = await get("/city/withdrawn-story");
    expect([gone.status, titleOf(gone.body)]).toEqual([410, "withdrawn"]);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    await listen(async () => {
      throw new Error("connection refused");
    });
    const response = await get("/city/a-story");
    quiet.mockRestore();
    expect([response.status, titleOf(response.body)]).toEqual([200, "article:city/a-story"]);
  });

  it("answers a story the page store holds without the lookup, and looks it up again once a change drops the page", async () => {
    const lookups: string[] = [];
    let standing: ArticleRoute | null = null;
    const store = memoryPageStore();
    // A front cache's fetch-again (here: any request with this header) is always looked up and rendered.
    const reader = readerResponder({ render: fakeRender, store, policy: "default-src 'none'", onError: () => {}, edgeRefresh: (req) => (req.headers["x-refresh"] ? { changes: [] } : null) });
    server = http.createServer(
      newsdeskRequestListener(fakeNext, reader, async (pathname) => {
        lookups.push(pathname);
        return standing;
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));

    expect((await get("/city/a-story")).status).toBe(200);
    expect((await get("/city/a-story")).status).toBe(200);
    expect(lookups).toEqual(["/city/a-story"]);
    expect((await get("/city/a-story", { "x-refresh": "1" })).status).toBe(200);
    expect(lookups).toHaveLength(2);

    // The withdrawal's announced change drops the stored page (in every process): looked up, 410.
    standing = { kind: "gone" };
    store.expire(["public"]);
    const gone = await get("/city/a-story");
    expect([gone.status, titleOf(gone.body)]).toEqual([410, "withdrawn"]);
    expect(lookups).toHaveLength(3);
    expect(rendered.filter((key) => key === "article:city/a-story")).toHaveLength(2);
  });

  it("answers 500 for one request whose render fails, and keeps serving", async () => {
    expect((await get("/broken")).status).toBe(500);
    expect((await get("/broken")).status).toBe(500);
    expect((await get("/")).status).toBe(200);
  });

  it("answers only GET and HEAD on reader pages", async () => {
    const post = await get("/", {}, "POST");
    expect([post.status, post.headers.allow]).toEqual([405, "GET, HEAD"]);
    const head = await get("/", {}, "HEAD");
    expect([head.status, head.body, Number(head.headers["content-length"]) > 0]).toEqual([200, "", true]);
  });
});

describe("headers on every response", () => {
  it("give a feed the strict policy, not a page's", async () => {
    const feed = await get("/feed.xml");
    expect(feed.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(feed.headers["content-security-policy"]).toMatch(/^default-src 'none'; img-src 'self'/);
    expect(feed.headers.etag).toMatch(/^"[\w-]+"$/);
  });

  it("give a reader page its own policy, Vary and Cache-Control, and everything else the strict one", async () => {
    const page = await get("/");
    expect(page.headers["content-security-policy"]).toBe("default-src 'none'");
    expect(page.headers.vary).toBe("Accept-Encoding");
    expect(page.headers["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    const robots = await get("/robots.txt");
    expect(robots.headers["content-security-policy"]).toMatch(/^default-src 'none'; img-src 'self'/);
    expect(robots.headers["x-frame-options"]).toBe("DENY");
  });
});

describe("odd addresses", () => {
  it("answer a malformed %-escape with the complete not-found page as a bad request", async () => {
    for (const path of ["/article/%E0%A4%A", "/tags/%ZZ", "/city/%C0%AE", "/desk/%ZZ"]) {
      const response = await get(path);
      expect([response.status, titleOf(response.body)], path).toEqual([400, "not-found"]);
    }
    expect(seenByNext).toEqual([]);
  });

  it("answer a malformed API address with 400 JSON, and an over-long address with 414", async () => {
    const api = await get("/api/articles/%ZZ/presence");
    expect([api.status, api.headers["content-type"]]).toEqual([400, "application/json"]);
    const long = await get(`/city?q=${"a".repeat(5000)}`);
    expect(long.status).toBe(414);
    expect(seenByNext).toEqual([]);
  });
});
