import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHash } from "node:crypto";
import zlib from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ArticleRoute } from "@/lib/articles/public-routing";
import { newsdeskRequestListener, type NextHandler } from "./request-listener";

/**
 * The server in front of Next, over real HTTP, with a stand-in for Next's handler that answers the
 * way Next does: status and headers first, then the body in chunks, sometimes through a
 * compressor wrapped around the response's methods.
 */
const pages: Record<string, { status: number; type: string; body: string }> = {
  "/": { status: 200, type: "text/html; charset=utf-8", body: "<html lang=en><h1>Front page</h1></html>" },
  "/tags/no-such-topic": { status: 404, type: "text/html; charset=utf-8", body: '<html id="__next_error__"></html>' },
  "/tags/no-such-topic/feed.xml": { status: 404, type: "text/plain", body: "No such topic." },
  "/missing": { status: 200, type: "text/html; charset=utf-8", body: "<html lang=en><h1>Page not found</h1></html>" },
  "/withdrawn": { status: 200, type: "text/html; charset=utf-8", body: "<html lang=en><h1>Withdrawn</h1></html>" },
  "/city": {
    status: 200,
    type: "text/html; charset=utf-8",
    body: `<html lang=en><script src="/_next/static/app.js" async></script><h1>City</h1>${"<p>News.</p>".repeat(200)}<script>self.__next_f.push([1,"é"])</script><script>self.__next_f.push([2])</script><script type="application/ld+json">{"@type":"NewsArticle"}</script></html>`,
  },
  "/feed.xml": { status: 200, type: "application/rss+xml; charset=utf-8", body: `<rss>${"<item/>".repeat(300)}</rss>` },
};
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

const seen: string[] = [];
const acceptEncodings: (string | undefined)[] = [];

/** Like Next: keeps a status set before it (the notices' 404 and 410), else the page's own. */
const fakeNext: NextHandler = async (req, res, url) => {
  const pathname = url?.pathname ?? req.url!.split("?")[0]!;
  seen.push(pathname);
  acceptEncodings.push(req.headers["accept-encoding"]);
  if (req.headers["if-none-match"]) {
    res.statusCode = 304;
    return void res.end();
  }
  const page = pages[pathname] ?? pages["/tags/no-such-topic"]!;
  if (res.statusCode === 200) res.statusCode = page.status;
  res.setHeader("content-type", page.type);
  res.setHeader("x-rendered", pathname);
  if (req.headers["accept-encoding"] === "gzip") compress(res);
  for (const part of page.body.match(/.{1,8}/g)!) {
    res.write(part);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  res.end();
};

/** A compressor wrapped around the response the way Next's compression middleware is: it writes late. */
function compress(res: http.ServerResponse) {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const gzip = zlib.createGzip();
  res.setHeader("content-encoding", "gzip");
  gzip.on("data", (chunk: Buffer) => write(chunk));
  gzip.on("end", () => end());
  res.write = ((chunk: string) => gzip.write(chunk)) as typeof res.write;
  res.end = (() => {
    gzip.end();
    return res;
  }) as typeof res.end;
}

const routes: Record<string, ArticleRoute> = {
  "/city/old-address": { kind: "moved", to: "/city/new-address" },
  "/city/withdrawn-story": { kind: "gone" },
  "/city/no-such-story": { kind: "missing" },
};

let server: http.Server | undefined;
afterEach(() => {
  server?.close();
  seen.length = 0;
  acceptEncodings.length = 0;
});

async function get(path: string, headers: Record<string, string> = {}) {
  server ??= http.createServer(newsdeskRequestListener(fakeNext, (pathname) => routes[pathname] ?? null));
  if (!server.listening) await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    http
      .get({ port, host: "127.0.0.1", path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const body = response.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw;
          resolve({ status: response.statusCode!, headers: response.headers, body: body.toString() });
        });
      })
      .on("error", reject);
  });
}

describe("the server in front of Next", () => {
  it("passes a page through untouched", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    expect(response.body).toBe(pages["/"]!.body);
    expect(response.headers["x-rendered"]).toBe("/");
  });

  it("answers a page's own 404 with the complete /missing page, and nothing of the dropped one", async () => {
    const response = await get("/tags/no-such-topic?page=2");
    expect(response.status).toBe(404);
    expect(response.body).toBe(pages["/missing"]!.body);
    expect(response.headers["x-rendered"]).toBe("/missing");
    expect(seen).toEqual(["/tags/no-such-topic", "/missing"]);
  });

  it("drops the late, compressed bytes of the dropped page too", async () => {
    const response = await get("/tags/no-such-topic", { "accept-encoding": "gzip" });
    expect(response.status).toBe(404);
    expect(response.body).toBe(pages["/missing"]!.body);
    const page = await get("/", { "accept-encoding": "gzip" });
    expect(page.body).toBe(pages["/"]!.body);
  });

  it("leaves a 404 that is not a page (a feed) as it is", async () => {
    const response = await get("/tags/no-such-topic/feed.xml");
    expect(response.status).toBe(404);
    expect(response.body).toBe("No such topic.");
    expect(seen).toEqual(["/tags/no-such-topic/feed.xml"]);
  });

  it("sends an old article address on to the current one for good, keeping the query", async () => {
    const response = await get("/city/old-address?utm=letter");
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe("/city/new-address?utm=letter");
    expect(seen).toEqual([]);
  });

  it("answers a withdrawn article 410 and a missing one 404, each with its complete notice", async () => {
    const gone = await get("/city/withdrawn-story");
    expect([gone.status, gone.body]).toEqual([410, pages["/withdrawn"]!.body]);
    const missing = await get("/city/no-such-story");
    expect([missing.status, missing.body]).toEqual([404, pages["/missing"]!.body]);
  });

  it("does not serve the notices at their own addresses", async () => {
    for (const path of ["/missing", "/withdrawn"]) {
      const response = await get(path);
      expect([response.status, response.body]).toEqual([404, pages["/missing"]!.body]);
    }
  });

  it("keeps serving when the article lookup fails: the page answers for itself", async () => {
    const failing = http.createServer(
      newsdeskRequestListener(fakeNext, () => {
        throw new Error("database is locked");
      }),
    );
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    const { port } = failing.address() as AddressInfo;
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const status = await new Promise<number>((resolve, reject) => {
      http.get({ port, host: "127.0.0.1", path: "/" }, (response) => {
        response.resume();
        resolve(response.statusCode!);
      }).on("error", reject);
    });
    quiet.mockRestore();
    failing.close();
    expect(status).toBe(200);
    expect(seen).toEqual(["/"]);
  });

  it("answers 500 for one request whose render fails, and keeps serving", async () => {
    const broken = http.createServer(newsdeskRequestListener(async () => Promise.reject(new Error("render failed")), () => null));
    await new Promise<void>((resolve) => broken.listen(0, "127.0.0.1", resolve));
    const { port } = broken.address() as AddressInfo;
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const statusOf = () =>
      new Promise<number>((resolve, reject) => {
        http.get({ port, host: "127.0.0.1", path: "/city" }, (response) => {
          response.resume();
          resolve(response.statusCode!);
        }).on("error", reject);
      });
    expect([await statusOf(), await statusOf()]).toEqual([500, 500]);
    quiet.mockRestore();
    broken.close();
  });

  it("hands the desk and the API to Next without looking at them", async () => {
    await get("/api/health");
    await get("/desk/articles");
    expect(seen).toEqual(["/api/health", "/desk/articles"]);
  });
});

describe("headers on every response", () => {
  it("give a public page a policy that lists the hash of each of its inline scripts, and nothing unsafe", async () => {
    const response = await get("/city");
    const policy = String(response.headers["content-security-policy"]);
    expect(response.status).toBe(200);
    expect(response.body).toBe(pages["/city"]!.body);
    expect(policy).toContain(sha256('self.__next_f.push([1,"é"])'));
    expect(policy).toContain(sha256("self.__next_f.push([2])"));
    expect(policy).toMatch(/script-src 'self' 'sha256-/);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["permissions-policy"]).toContain("camera=()");
    expect(response.headers["strict-transport-security"]).toBeUndefined();
    // The same page again: the same policy (from the memo).
    expect((await get("/city")).headers["content-security-policy"]).toBe(policy);
  });

  it("compress a public page and a feed after reading them, with Next never asked to", async () => {
    const page = await get("/city", { "accept-encoding": "gzip, br" });
    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(page.body).toBe(pages["/city"]!.body);
    expect(page.headers["content-security-policy"]).toContain(sha256("self.__next_f.push([2])"));
    expect(page.headers.vary).toMatch(/accept-encoding/i);
    const feed = await get("/feed.xml", { "accept-encoding": "gzip" });
    expect(feed.headers["content-encoding"]).toBe("gzip");
    expect(feed.body).toBe(pages["/feed.xml"]!.body);
    expect(feed.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(acceptEncodings).toEqual(["identity", "identity"]);
  });

  it("give the complete 404 page, a redirect and the desk their headers too", async () => {
    for (const path of ["/tags/no-such-topic", "/city/old-address", "/city/withdrawn-story", "/desk/articles", "/api/health"]) {
      const response = await get(path);
      expect(response.headers["x-frame-options"], path).toBe("DENY");
      expect(response.headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
  });

  it("leave the policy off a 304, so the browser keeps the one it stored with the page", async () => {
    const response = await get("/city", { "if-none-match": '"x"' });
    expect(response.status).toBe(304);
    expect(response.headers["content-security-policy"]).toBeUndefined();
  });
});

describe("odd addresses", () => {
  it("answer a malformed %-escape with the complete not-found page as a bad request, never reaching the page", async () => {
    for (const path of ["/article/%E0%A4%A", "/tags/%ZZ", "/city/%C0%AE", "/desk/%ZZ"]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.body).toBe(pages["/missing"]!.body);
    }
    expect(seen).toEqual(["/missing", "/missing", "/missing", "/missing"]);
  });

  it("answer a malformed API address with 400 JSON, and an over-long address with 414", async () => {
    const api = await get("/api/articles/%ZZ/presence");
    expect([api.status, api.headers["content-type"]]).toEqual([400, "application/json"]);
    const long = await get(`/city?q=${"a".repeat(5000)}`);
    expect(long.status).toBe(414);
    expect(seen).toEqual([]);
  });
});
