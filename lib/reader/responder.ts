/**
 * Answers a reader's request from the page store: the stored bytes in the best encoding the reader
 * accepts, 304 when their copy is current, and a render (one at a time per page, however many
 * readers ask at once) when the store has none.
 *
 * Encodings are made once per render: gzip at once (a millisecond), Brotli just after, off the main
 * thread; until it is ready, a reader who accepts both gets gzip, and a front cache's fetch-again
 * asking for Brotli waits for it. Search results get gzip only.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompress, constants, gzipSync } from "node:zlib";
import { afterMillisecondOf, tagExpiredAt, takeInChange, type NamedChange } from "@/lib/public-cache/store";
import type { Encoding, PageStore, StoredPage } from "./page-store";
import { routeKey, type ReaderRoute } from "./routes";

/**
 * What rendering a route gives: a page to store, the address to send the reader to, or word that
 * there is no such page (the one stored 404 page answers it, so stray addresses never fill the store).
 */
export type RenderedPage =
  | { status: number; html: string; contentType?: string; tags: string[]; renderedAt: number; keptForMs?: number }
  | { redirect: string }
  | { notFound: true };

const htmlType = "text/html; charset=utf-8";

/**
 * Not Brotli's best (11): a publication expires six to eight pages at once, and at 11 each cost
 * 23–56 ms of CPU (the article page, the front page, the feed, at 50,000 articles), on a two-core
 * machine the very CPU the renders of those pages needed: under load, publish → on the front page
 * went from a median of 81–103 ms at 5 to 124–183 ms at 11. At 5 each takes about a millisecond,
 * for 11 % more bytes (the front page 4.5 KB against 4.1).
 */
const brotliQuality = 5;

/**
 * Not gzip's best (9) either: gzip is for the few readers without Brotli, and is made in the render's
 * own turn. On the news sitemap (360 KB of XML) 9 took 8.8 ms and 6 takes 2.6, for 6 % more bytes.
 */
const gzipLevel = 6;

/**
 * zlib hands back its output as a view of a 16 KiB chunk: a 5 KiB page kept as is holds the whole
 * chunk, up to three times what the store counts against its limit. What is kept is copied into
 * memory of its own size.
 */
function exactCopy(compressed: Buffer): Buffer {
  if (compressed.buffer.byteLength === compressed.length) return compressed;
  const exact = Buffer.allocUnsafeSlow(compressed.length);
  compressed.copy(exact);
  return exact;
}

type Outcome = StoredPage | { redirect: string } | { notFound: true };

/**
 * Browsers may keep a page but must ask again each time (a 304 costs a few bytes); a shared cache
 * (a CDN, the edge) may keep it a few seconds and serve it stale for a while as it fetches anew.
 */
export const readerCacheControl = "public, max-age=0, s-maxage=5, stale-while-revalidate=30";

/** The encodings the reader accepts, best first among those we make (`q=0` refuses one). */
export function acceptedEncodings(header: string | string[] | undefined): Encoding[] {
  const accepted = new Map<string, number>();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get("*");
  const allows = (name: string) => (accepted.get(name) ?? wildcard ?? 0) > 0;
  return (["br", "gzip"] as const).filter(allows);
}

const etagFor = (page: StoredPage, encoding: Encoding) => (encoding === "identity" ? page.etag : `${page.etag.slice(0, -1)}-${encoding}"`);

/** Whether an If-None-Match header names this page, in any encoding (the bytes behind them are one text). */
export function matchesEtag(header: string | undefined, page: StoredPage): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const base = page.etag.slice(1, -1);
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "").replace(/^"|"$/g, "").replace(/-(?:br|gzip)$/, "") === base);
}

/** Whether a tag of the page was expired after its render began. */
function isStale(page: StoredPage): boolean {
  return page.tags.some((tag) => (tagExpiredAt(tag) ?? -Infinity) >= page.renderedAt);
}

export type ReaderResponder = (req: IncomingMessage, res: ServerResponse, route: ReaderRoute, status?: number) => Promise<void>;

export type StoredAnswers = {
  /**
   * Whether `req` would be answered with a stored page as it is: not a front cache's fetch-again
   * (which takes in its change and renders), and the store holds a page for the route that no
   * announced change has expired since its render began.
   */
  answersFromStore(req: IncomingMessage, route: ReaderRoute): boolean;
};

export function readerResponder({
  render,
  store,
  policy,
  database,
  edgeRefresh = () => null,
  onError = (error, route) => console.error(`Rendering ${routeKey(route)} failed:`, error),
}: {
  render: (route: ReaderRoute) => Promise<RenderedPage>;
  store: PageStore;
  /** An HTML page's Content-Security-Policy (its inline style's hash, lib/server/security-headers.ts); feeds keep the server's. */
  policy: string;
  /**
   * While the database is away (lib/server/database-gate.ts), stored pages are still served and
   * the rest answered by `answer` (503) instead of a render that cannot work.
   */
  database?: { available(): boolean; check(): Promise<boolean>; answer(req: IncomingMessage, res: ServerResponse): void };
  /**
   * Whether this request is a front cache fetching a changed page again (lib/public-cache/edges.ts),
   * and the changes it names. It may reach a process that has not yet heard of them, and
   * whatever it gets the edge keeps: their tags are expired here first (once per change), and the
   * answer is a page rendered after that, one render for all the encodings asked. A request that
   * names no change is rendered afresh.
   */
  edgeRefresh?: (req: IncomingMessage) => { changes: NamedChange[] } | null;
  onError?: (error: unknown, route: ReaderRoute) => void;
}): ReaderResponder & StoredAnswers & { warm(route: ReaderRoute): Promise<void>; settled(): Promise<void> } {
  const rendering = new Map<string, Promise<Outcome>>();
  const compressing = new Set<Promise<unknown>>();
  /** Each render's Brotli copy as it is made (a front cache's fetch-again waits for it). */
  const brotliOf = new WeakMap<StoredPage, Promise<Buffer | undefined>>();

  const addBrotli = (key: string, page: StoredPage) => {
    const job = new Promise<Buffer | undefined>((resolve) => {
      brotliCompress(
        page.bodies.identity,
        { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: page.bodies.identity.length } },
        (error, br) => {
          const made = error ? undefined : exactCopy(br);
          // Only onto the same render: a newer one may have replaced it meanwhile.
          if (made && store.get(key) === page) store.put(key, { ...page, bodies: { ...page.bodies, br: made } });
          resolve(made);
        },
      );
    });
    brotliOf.set(page, job);
    compressing.add(job);
    void job.then(() => compressing.delete(job));
  };

  const produce = async (key: string, route: ReaderRoute): Promise<Outcome> => {
    const rendered = await render(route);
    if (!("html" in rendered)) return rendered;
    const identity = exactCopy(Buffer.from(rendered.html, "utf8"));
    const page: StoredPage = {
      status: rendered.status,
      contentType: rendered.contentType ?? htmlType,
      bodies: { identity, gzip: exactCopy(gzipSync(identity, { level: gzipLevel })) },
      etag: `"${createHash("sha256").update(identity).digest("base64url").slice(0, 27)}"`,
      tags: rendered.tags,
      renderedAt: rendered.renderedAt,
      ...(rendered.keptForMs !== undefined ? { keptForMs: rendered.keptForMs } : {}),
    };
    store.put(key, page);
    // A search is mostly asked once: its best Brotli would cost more CPU than it ever saves.
    if (route.page !== "search") addBrotli(key, page);
    return page;
  };

  /**
   * A page rendered after the change: a render begun since it was taken in shows it, even if a later
   * change has come meanwhile (that one's own fetch-again follows; this answer then says no-store,
   * so the edge does not keep it). Waiting for a page no change is newer than instead, under
   * changes coming faster than a slow page renders (a sitemap at a million stories, cold), each
   * fetch-again waited render after render and then rendered on its own, once per encoding: seven
   * of the news sitemap at once, and the next Publish's sign-in check waited 400 ms behind them.
   */
  const freshPageFor = async (key: string, route: ReaderRoute, changes: NamedChange[]): Promise<Outcome> => {
    if (changes.length === 0) return produce(key, route);
    // Several, when a round of later pages serves every change made while the last one ran (lib/public-cache).
    const expired = Math.max(...changes.map((change) => takeInChange(change, "elsewhere")));
    await afterMillisecondOf(expired);
    // A render under way may have begun before the expiry: wait for it, then for one begun after.
    for (let attempt = 0; attempt < 3; attempt++) {
      const page = await pageFor(key, route);
      if (!("bodies" in page) || page.renderedAt > expired) return page;
    }
    return produce(key, route);
  };

  const pageFor = (key: string, route: ReaderRoute): StoredPage | Promise<Outcome> => {
    const stored = store.get(key);
    if (stored) return stored;
    let pending = rendering.get(key);
    if (!pending) {
      pending = produce(key, route).finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    return pending;
  };

  const respond: ReaderResponder = async (req, res, route, status) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("Reader pages are read with GET.\n");
      return;
    }
    if (database && !database.available() && !store.get(routeKey(route))) return database.answer(req, res);
    let page: Outcome;
    let refresh: { changes: NamedChange[] } | null = null;
    try {
      refresh = edgeRefresh(req);
      page = refresh ? await freshPageFor(routeKey(route), route, refresh.changes) : await pageFor(routeKey(route), route);
      if ("notFound" in page) {
        const notFound: ReaderRoute = { page: "not-found" };
        page = await pageFor(routeKey(notFound), notFound);
        status ??= 404;
      }
    } catch (error) {
      onError(error, route);
      if (database && !(await database.check())) return database.answer(req, res);
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end("Something went wrong on our side. Please try again.\n");
      return;
    }
    if ("notFound" in page) throw new Error("The not-found page itself was not found");
    if ("redirect" in page) {
      res.writeHead(308, { Location: page.redirect }).end();
      return;
    }
    const accepted = acceptedEncodings(req.headers["accept-encoding"]);
    // A front cache keeps what it gets under its encoding's key for every reader of that encoding:
    // it waits the millisecond Brotli takes rather than get (and serve) the uncompressed page.
    if (refresh && accepted.includes("br") && !page.bodies.br) {
      const br = await brotliOf.get(page);
      if (br) page = { ...page, bodies: { ...page.bodies, br } };
    }
    const stored = page;
    const encoding = accepted.find((candidate) => stored.bodies[candidate]) ?? "identity";
    const headers: Record<string, string> = {
      "Content-Type": page.contentType,
      // A page whose render began before a change it shows was made (a publication landed while it
      // was being rendered) still answers this reader, but no shared cache may keep it: it would
      // overwrite the fresh copy the app has just asked the edge to fetch (docs/decisions/026).
      "Cache-Control": isStale(page) ? "no-store" : readerCacheControl,
      Vary: "Accept-Encoding",
      ETag: etagFor(page, encoding),
    };
    if (page.contentType === htmlType) headers["Content-Security-Policy"] = policy;
    const finalStatus = status ?? page.status;
    if (finalStatus === 200 && matchesEtag(req.headers["if-none-match"], page)) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = page.bodies[encoding]!;
    if (encoding !== "identity") headers["Content-Encoding"] = encoding;
    headers["Content-Length"] = String(body.length);
    res.writeHead(finalStatus, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  };
  return Object.assign(respond, {
    answersFromStore: (req: IncomingMessage, route: ReaderRoute) => !edgeRefresh(req) && store.get(routeKey(route)) !== undefined,
    /** Renders a page into the store now, if it is not there or under way; resolves when it is (never rejects). */
    warm: async (route: ReaderRoute) => {
      try {
        await pageFor(routeKey(route), route);
      } catch (error) {
        onError(error, route);
      }
    },
    /** Resolves when every Brotli variant under way is made (for tests and a graceful stop). */
    settled: async () => {
      await Promise.all([...compressing]);
    },
  });
}
