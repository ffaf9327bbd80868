import type { IncomingMessage, ServerResponse } from "node:http";
import type { UrlWithParsedQuery } from "node:url";
import { routeArticlePath, type ArticleRoute } from "@/lib/articles/public-routing";
import type { ReaderResponder, StoredAnswers } from "@/lib/reader/responder";
import { isReaderAddress, readerRoute, type ReaderRoute } from "@/lib/reader/routes";
import { deskPaths } from "@/lib/site-paths";
import { siteUrl } from "@/lib/site-url";
import { answerWithRoute, findApiRoute, type ApiRoute } from "./api-routes";
import { stampClientAddress } from "./client-address";
import { answerUnavailable, type DatabaseGate } from "./database-gate";
import { baselineHeaders, resourcePolicy } from "./security-headers";

export type NextHandler = (req: IncomingMessage, res: ServerResponse, url?: UrlWithParsedQuery) => Promise<void>;

/** Next's own files, the API, the desk and sign-in: straight to Next, untouched (but for the headers below). */
const passThrough = new RegExp(`^/(?:_next|${deskPaths.join("|")})(?:/|$)`);

/** What Next serves without the database: its build's files and the files in public/ (a name with an extension). */
const withoutDatabase = /^\/_next\/static\/|^\/[\w.-]+\.\w+$/;

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
 * The Newsdesk server's routing. Readers' pages are ours (docs/decisions/023): rendered to finished
 * HTML by components/public/pages and answered from the page store by `reader`. Next serves the
 * desk, sign-in, the API, its own files, the news sitemap, media and the files in public/.
 *
 * - an article's old address answers 308 with its current one (query string kept);
 * - a withdrawn article answers 410 with the withdrawn notice;
 * - an article-shaped address that is no live article answers 404 with the not-found page;
 * - any other reader address is its page, or the not-found page (a stray address, a malformed one: 400).
 *
 * The article API's routes in `apiRoutes` are run here too, without Next (api-routes.ts).
 *
 * The article decision is one prepared SQLite statement (docs/decisions/012), or one query on
 * PostgreSQL, made unless the page store already holds the story's page: a stored page is dropped
 * as soon as any change to the story is announced (a withdrawal, a new address), in this process
 * at commit and in the others through the relay, so a stored page is a live story's. On
 * PostgreSQL the query cost more than the stored page itself (docs/decisions/030).
 *
 * While `gate` says the database is away, what needs it answers 503 at once (stored reader pages
 * are still served); a 5xx from Next makes the gate check.
 */
export function newsdeskRequestListener(
  nextHandler: NextHandler,
  reader: ReaderResponder & Partial<StoredAnswers>,
  routeArticle: (pathname: string) => ArticleRoute | null | Promise<ArticleRoute | null> = routeArticlePath,
  gate?: Pick<DatabaseGate, "available" | "check">,
  apiRoutes: readonly ApiRoute[] = [],
) {
  const origin = siteUrl();
  const baseline = baselineHeaders(origin);
  const secure = (res: ServerResponse) => {
    for (const [name, value] of Object.entries(baseline)) res.setHeader(name, value);
    // Desk and sign-in pages get their nonce policy from proxy.ts, which replaces this one; a reader
    // page gets its own from the responder.
    res.setHeader("Content-Security-Policy", resourcePolicy);
  };
  // Should either handler ever reject, that one request fails, not the server.
  const failed = (req: IncomingMessage, res: ServerResponse) => (error: unknown) => {
    console.error(`Serving ${req.url} failed:`, error);
    if (res.headersSent) return void res.destroy();
    res.statusCode = 500;
    res.end("Internal Server Error");
  };
  /** False when the database is away and the request needs it (answered 503 here); otherwise a 5xx makes the gate check. */
  const admitted = (req: IncomingMessage, res: ServerResponse) => {
    if (!gate) return true;
    if (!gate.available() && !withoutDatabase.test(req.url ?? "/")) {
      answerUnavailable(req, res);
      return false;
    }
    res.once("finish", () => {
      if (res.statusCode >= 500 && res.statusCode !== 503) void gate.check();
    });
    return true;
  };
  const toNext = (req: IncomingMessage, res: ServerResponse) => {
    if (admitted(req, res)) void nextHandler(req, res).catch(failed(req, res));
  };
  const toReader = (req: IncomingMessage, res: ServerResponse, route: ReaderRoute, status?: number) =>
    void reader(req, res, route, status).catch(failed(req, res));

  return (req: IncomingMessage, res: ServerResponse) => {
    stampClientAddress(req);
    secure(res);
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    if (url.length > maxUrlLength) {
      return void res.writeHead(414, { "Content-Type": "text/plain; charset=utf-8" }).end("This address is too long.\n");
    }
    if (!isWellFormed(pathname)) {
      if (pathname.startsWith("/api/") || pathname.startsWith("/_next/")) {
        return void res.writeHead(400, { "Content-Type": "application/json" }).end('{"ok":false,"error":"Malformed address."}');
      }
      // No page has such an address: the reader gets the complete "not found" page, as a bad request.
      return toReader(req, res, { page: "not-found" }, 400);
    }
    const api = apiRoutes.length > 0 ? findApiRoute(apiRoutes, req.method, pathname) : null;
    if (api) {
      if (admitted(req, res)) void answerWithRoute(req, res, api, origin).catch(failed(req, res));
      return;
    }
    if (passThrough.test(pathname) || !isReaderAddress(pathname)) return toNext(req, res);

    const route = readerRoute(pathname, new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1)));
    // Without the database an article's standing cannot change: its stored page, if any, stands.
    if (route.page !== "article" || (gate && !gate.available()) || reader.answersFromStore?.(req, route)) return toReader(req, res, route);
    const decided = (standing: ArticleRoute | null) => {
      if (standing?.kind === "moved") {
        return void res.writeHead(308, { Location: standing.to + (queryAt === -1 ? "" : url.slice(queryAt)) }).end();
      }
      if (standing?.kind === "gone") return toReader(req, res, { page: "withdrawn" });
      if (standing?.kind === "missing") return toReader(req, res, { page: "not-found" });
      toReader(req, res, route);
    };
    // The page itself still answers (or fails) for this one request; the server stays up.
    const unrouted = (error: unknown) => {
      console.error(`Routing ${pathname} failed:`, error);
      decided(null);
    };
    let standing: ReturnType<typeof routeArticle>;
    try {
      standing = routeArticle(pathname);
    } catch (error) {
      return unrouted(error);
    }
    // SQLite decides at once; PostgreSQL's lookup is a query.
    if (standing instanceof Promise) return void standing.then(decided, unrouted);
    decided(standing);
  };
}
