/**
 * Readers' searches, run off the main thread. better-sqlite3 answers synchronously, so a query that
 * matches most of the archive ("harbour", "the") held the server's one thread for 50–70 ms on
 * 50,000 articles: every page, the desk and a publication waited behind it, and a reader sending
 * such queries one after another could keep the paper slow for everyone. Here a worker thread with
 * its own read-only connection (WAL: it reads what is committed, never blocks a writer) runs the
 * same two statements as the Prisma path (search-index.ts, `searchStatements`), then reads the
 * results' cards with the card statement (card-rows.ts), so the main thread only renders: reading
 * the cards through Prisma there cost it more than the search did here.
 *
 * The server starts it (server.ts); elsewhere (tests, scripts) searches run on the Prisma client.
 * If the worker dies, the searches it held are answered on the main thread and the next search
 * starts a new worker.
 */
import "server-only";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { databaseFile } from "@/lib/database-url";
import { busyTimeoutMs } from "@/lib/sqlite/connection";
import { cardStatementSqlite } from "./card-rows";
import { searchStatements, searchWindow, type SearchHits, type SearchRequest } from "./search-index";

export type Searcher = (request: SearchRequest) => Promise<SearchHits>;

// CommonJS, evaluated in the worker; the driver's path comes from here so the worker needs no
// module resolution of its own (the server is one bundled file).
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const connection = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: workerData.busyTimeoutMs });
const { statements } = workerData;
const page = connection.prepare(statements.page);
const windowPage = connection.prepare(statements.windowPage);
const count = connection.prepare(statements.count);
const cards = connection.prepare(statements.cards);
// One read transaction: the count, the page and its cards all come from one moment of the database.
// As searchArticleIds does (search-index.ts): counted to one past the window, then the page
// statement the count calls for (the window's arguments come ready-made from windowArguments).
const answer = connection.transaction(({ phrase, terms, limit, offset, window, windowArguments }) => {
  const counted = Number(count.get(terms, window).total);
  const capped = counted > window;
  const rows = capped ? windowPage.all(...windowArguments) : page.all(phrase, terms, limit, offset);
  const ids = rows.map((row) => row.id);
  return { ids, total: capped ? window : counted, capped, cards: ids.length ? cards.all(JSON.stringify(ids)) : [] };
});
parentPort.on("message", (request) => {
  try {
    parentPort.postMessage({ id: request.id, ...answer(request) });
  } catch (error) {
    parentPort.postMessage({ id: request.id, error: String((error && error.message) || error) });
  }
});
`;

type Reply = ({ id: number } & Required<SearchHits>) | { id: number; error: string };
type Pending = { resolve: (hits: SearchHits) => void; reject: (error: Error) => void };

/**
 * A search worker on the database file `file`. `search` answers like `searchArticleIds` (ranking
 * at most `window` matches);
 * `stop` ends the worker (searches after it start a new one).
 */
export function searchWorker({ file = databaseFile(), fallback, window = searchWindow }: { file?: string; fallback: Searcher; window?: number }) {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  const start = () => {
    const started = new Worker(workerSource, {
      eval: true,
      workerData: { driver, file, busyTimeoutMs, statements: { page: searchStatements.sqlite.page, windowPage: searchStatements.sqlite.windowPage, count: searchStatements.sqlite.count, cards: cardStatementSqlite() } },
      // It holds one page of ids at a time: a small heap keeps the server's memory where it was.
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 },
    });
    // An idle worker does not keep the process alive.
    started.unref();
    started.on("message", (reply: Reply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ("error" in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve({ ids: reply.ids, total: reply.total, cards: reply.cards, ...(reply.capped ? { capped: true } : {}) });
    });
    const gone = (error: Error) => {
      if (worker === started) worker = null;
      failAll(error);
    };
    started.on("error", gone);
    started.on("exit", (code) => gone(new Error(`The search worker stopped (exit code ${code}).`)));
    return started;
  };

  const search: Searcher = async (request) => {
    const search = searchStatements.sqlite.terms(request.query);
    if (!search) return { ids: [], total: 0 };
    worker ??= start();
    const id = nextId++;
    const answer = new Promise<SearchHits>((resolve, reject) => pending.set(id, { resolve, reject }));
    const { limit, offset } = request;
    worker.postMessage({ id, ...search, limit, offset, window, windowArguments: searchStatements.sqlite.windowArguments(search, window, limit, offset) });
    try {
      return await answer;
    } catch (error) {
      console.error("Search worker failed; searching on the main thread:", error);
      return fallback(request);
    }
  };

  const stop = async () => {
    const running = worker;
    worker = null;
    if (running) await running.terminate();
  };

  return { search, stop };
}

const installedKey = Symbol.for("newsdesk.search-worker");
const installed = globalThis as unknown as Record<symbol, Searcher | undefined>;

/** Makes readers' searches in this process go through `searcher` (the server does, at start). */
export function installSearcher(searcher: Searcher | undefined): void {
  installed[installedKey] = searcher;
}

/** The searcher the server installed, if any. */
export function installedSearcher(): Searcher | undefined {
  return installed[installedKey];
}
