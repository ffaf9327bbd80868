import type { IncomingMessage, ServerResponse } from "node:http";
import { parse, type UrlWithParsedQuery } from "node:url";
import { routeArticlePath, type ArticleRoute } from "@/lib/articles/public-routing";
import { deskPaths, noticePaths } from "@/lib/site-paths";
import { siteUrl } from "@/lib/site-url";
import { stampClientAddress } from "./client-address";
import { completeNotFound } from "./complete-not-found";
import { finishPublicResponse } from "./public-response";
import { baselineHeaders, resourcePolicy } from "./security-headers";

export type NextHandler = (req: IncomingMessage, res: ServerResponse, url?: UrlWithParsedQuery) => Promise<void>;

const nextRequestMeta = Symbol.for("NextInternalRequestMeta");

/** Next's own files, the API, the desk and sign-in: straight to Next, untouched (but for the headers below). */
const passThrough = new RegExp(`^/(?:_next|${deskPaths.join("|")})(?:/|$)`);

/** /missing and /withdrawn: the notices rendered in place of a page (below). */
const notices = new Set(noticePaths.map((path) => `/${path}`));

/** Longer addresses are no page of ours: 414 before any work. (Node refuses past 16 KB of headers itself.) */
export const maxUrlLength = 4096;

/** Whether every %-escape in `pathname` decodes: Next answers a malformed one with a 500. */
function isWellFormed(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the Newsdesk server does with a request before Next renders anything:
 *
 * - an article's old address answers 308 with its current one (query string kept);
 * - a withdrawn article answers 410 with the /withdrawn notice;
 * - an article-shaped address that is no live article answers 404 with the /missing page;
 * - any other public page is rendered by Next, and if it answers 404 (an unknown topic, writer or
 *   section, a page past the last) the reader gets the complete /missing page (completeNotFound).
 *
 * This used to be Next's proxy (middleware), which cost a cached article page half its throughput
 * just by running; here the decision is one prepared SQLite statement (docs/decisions/012).
 */
export function newsdeskRequestListener(nextHandler: NextHandler, routeArticle: (pathname: string) => ArticleRoute | null = routeArticlePath) {
  // Next answers its own errors with a 500 page; should its handler ever reject, that one request
  // fails, not the server.
  const handle: NextHandler = (req, res, url) =>
    nextHandler(req, res, url).catch((error: unknown) => {
      console.error(`Serving ${req.url} failed:`, error);
      if (res.headersSent) return void res.destroy();
      res.statusCode = 500;
      res.end("Internal Server Error");
    });
  const baseline = baselineHeaders(siteUrl());
  /** The headers every response starts with; a public one is finished by finishPublicResponse. */
  const secure = (res: ServerResponse, finishing: { gzip: boolean; head: boolean } | null) => {
    for (const [name, value] of Object.entries(baseline)) res.setHeader(name, value);
    if (finishing) finishPublicResponse(res, finishing);
    else res.setHeader("Content-Security-Policy", resourcePolicy);
  };
  const render = (req: IncomingMessage, res: ServerResponse, pathname: "/missing" | "/withdrawn", status: number, gzip: boolean) => {
    // A render after a dropped one must not inherit what Next noted on the request the first time
    // (its matched route, its "not found" status).
    delete (req as unknown as Record<symbol, unknown>)[nextRequestMeta];
    secure(res, { gzip, head: req.method === "HEAD" });
    res.statusCode = status;
    void handle(req, res, parse(pathname, true));
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    stampClientAddress(req);
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    if (url.length > maxUrlLength) {
      secure(res, null);
      return void res.writeHead(414, { "Content-Type": "text/plain; charset=utf-8" }).end("This address is too long.\n");
    }
    if (!isWellFormed(pathname)) {
      if (pathname.startsWith("/api/") || pathname.startsWith("/_next/")) {
        secure(res, null);
        return void res.writeHead(400, { "Content-Type": "application/json" }).end('{"ok":false,"error":"Malformed address."}');
      }
      // No page has such an address: the reader gets the complete "not found" page, as a bad request.
      return render(req, res, "/missing", 400, false);
    }
    if (passThrough.test(pathname)) {
      // Desk and sign-in pages get their nonce policy from proxy.ts, which replaces this stricter one.
      secure(res, null);
      return void handle(req, res);
    }

    // Next must not compress a public response: we read it first (public-response.ts), then compress.
    const gzip = /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? ""));
    // Overwritten, not deleted: deleting a property slows every later read of the headers object.
    req.headers["accept-encoding"] = "identity";
    const head = req.method === "HEAD";

    let route: ArticleRoute | null = null;
    try {
      route = routeArticle(pathname);
    } catch (error) {
      // The page itself still answers (or fails) for this one request; the server stays up.
      console.error(`Routing ${pathname} failed:`, error);
    }
    if (route?.kind === "moved") {
      secure(res, null);
      res.writeHead(308, { Location: route.to + (queryAt === -1 ? "" : url.slice(queryAt)) }).end();
      return;
    }
    if (route?.kind === "gone") return render(req, res, "/withdrawn", 410, gzip);
    // The two notices are no pages of their own: asked for directly, they are simply not found.
    if (route?.kind === "missing" || notices.has(pathname)) return render(req, res, "/missing", 404, gzip);

    secure(res, { gzip, head });
    completeNotFound(res, () => render(req, res, "/missing", 404, gzip));
    void handle(req, res);
  };
}
