import type { IncomingMessage, ServerResponse } from "node:http";
import { parse, type UrlWithParsedQuery } from "node:url";
import { routeArticlePath, type ArticleRoute } from "@/lib/articles/public-routing";
import { stampClientAddress } from "./client-address";
import { completeNotFound } from "./complete-not-found";

export type NextHandler = (req: IncomingMessage, res: ServerResponse, url?: UrlWithParsedQuery) => Promise<void>;

const nextRequestMeta = Symbol.for("NextInternalRequestMeta");

/** Next's own files, the API and the desk: straight to Next, untouched. */
const passThrough = /^\/(?:_next|api|desk|login)(?:\/|$)/;

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
  const render = (req: IncomingMessage, res: ServerResponse, pathname: "/missing" | "/withdrawn", status: number) => {
    // A render after a dropped one must not inherit what Next noted on the request the first time
    // (its matched route, its "not found" status).
    delete (req as unknown as Record<symbol, unknown>)[nextRequestMeta];
    res.statusCode = status;
    void handle(req, res, parse(pathname, true));
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    stampClientAddress(req);
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    if (passThrough.test(pathname)) return void handle(req, res);

    let route: ArticleRoute | null = null;
    try {
      route = routeArticle(pathname);
    } catch (error) {
      // The page itself still answers (or fails) for this one request; the server stays up.
      console.error(`Routing ${pathname} failed:`, error);
    }
    if (route?.kind === "moved") {
      res.writeHead(308, { Location: route.to + (queryAt === -1 ? "" : url.slice(queryAt)) }).end();
      return;
    }
    if (route?.kind === "gone") return render(req, res, "/withdrawn", 410);
    // The two notices are no pages of their own: asked for directly, they are simply not found.
    if (route?.kind === "missing" || pathname === "/missing" || pathname === "/withdrawn") return render(req, res, "/missing", 404);

    completeNotFound(res, () => render(req, res, "/missing", 404));
    void handle(req, res);
  };
}
