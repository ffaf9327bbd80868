/**
 * The production server: Newsdesk's own routing (lib/server/request-listener.ts) in front of Next.
 * Readers' pages are rendered here, to finished HTML, and answered from the page store
 * (docs/decisions/023); Next serves the desk, sign-in, the API, robots.txt and files. `npm start` builds
 * it with the app (scripts/runtime.ts) and runs it with plain Node:
 *
 *   PORT=3000 [NEWSDESK_HOST=127.0.0.1] [NEWSDESK_PROCESSES=4] node .next/newsdesk-server.cjs
 *
 * With NEWSDESK_PROCESSES above 1 (PostgreSQL only), this first process starts that many server
 * processes on the same port and keeps them running (lib/server/processes.ts).
 * (Not HOSTNAME: many shells and containers set that to the machine's own name.)
 */
import cluster from "node:cluster";
import { createHash } from "node:crypto";
import http from "node:http";
import next from "next";
import { readerStylesheet, renderReaderRoute } from "@/components/public/pages";
import { db } from "@/lib/db";
import { openPostgresConnections } from "@/lib/prisma-client";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { relayExpiries } from "@/lib/postgres/expiry-relay";
import { parseProcessCount, processesRefusal, processesVariable, superviseProcesses } from "@/lib/server/processes";
import { searchArticleIds } from "@/lib/articles/search-index";
import { searchWorker, installSearcher } from "@/lib/articles/search-worker";
import { stopTickers } from "@/lib/time/ticker";
import { onTagsExpired, setPageWarmer } from "@/lib/public-cache/store";
import { memoryPageStore } from "@/lib/reader/page-store";
import { readerResponder } from "@/lib/reader/responder";
import { readerRoute } from "@/lib/reader/routes";
import { newsdeskRequestListener } from "@/lib/server/request-listener";
import { edgeRefresh, edgeSettings, type EdgeSettings } from "@/lib/public-cache/edges";
import { answerUnavailable, databaseGate } from "@/lib/server/database-gate";
import { closeArticleRouting, routeArticlePath } from "@/lib/articles/public-routing";
import { readerPagePolicy } from "@/lib/server/security-headers";
import { ownAddress, pagesEveryChangeRefreshes, warmUp } from "@/lib/server/warm-up";
import { apiRoute } from "@/lib/server/api-routes";
import * as articleRoute from "@/app/api/articles/[id]/route";
import * as presenceRoute from "@/app/api/articles/[id]/presence/route";
import * as transitionsRoute from "@/app/api/articles/[id]/transitions/route";

const port = Number(process.env.PORT || 3000);

/**
 * The article API, run by this server itself rather than through Next (lib/server/api-routes.ts,
 * docs/decisions/029): the same handlers, at the same addresses. Any other method or address of the
 * API goes on to Next, which answers it from the same route files.
 */
const articleId = "(?<id>[^/]+)";
const apiRoutes = [
  apiRoute("PUT", new RegExp(`^/api/articles/${articleId}$`), articleRoute.PUT),
  apiRoute("POST", new RegExp(`^/api/articles/${articleId}/presence$`), presenceRoute.POST),
  apiRoute("DELETE", new RegExp(`^/api/articles/${articleId}/presence$`), presenceRoute.DELETE),
  apiRoute("POST", new RegExp(`^/api/articles/${articleId}/transitions$`), transitionsRoute.POST),
];
const hostname = process.env.NEWSDESK_HOST || undefined;

async function main(edges: EdgeSettings | null) {
  // On PostgreSQL, several processes (here or on other machines) may serve the newspaper: each
  // hears the others' page expiries, and passes its own on (lib/postgres/expiry-relay.ts).
  const relay = databaseProvider() === "postgresql" ? relayExpiries({ url: databaseUrl() }) : null;
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  if (relay) await Promise.race([relay.ready, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  // On SQLite, readers' searches run on a thread of their own: a broad one must not hold up every
  // other request (better-sqlite3 answers synchronously; PostgreSQL's driver does not block).
  const searches = databaseProvider() === "sqlite" ? searchWorker({ fallback: (request) => searchArticleIds(db, request) }) : null;
  installSearcher(searches?.search);
  const store = memoryPageStore();
  // Expired pages leave the store at once (the tag clock would refuse them anyway): memory back.
  onTagsExpired((tags) => store.expire(tags));
  // The database going away: 503 at once, stored pages still served, back by itself (database-gate.ts).
  const gate = databaseGate({ probe: () => db.$queryRawUnsafe("SELECT 1") });
  const reader = readerResponder({
    edgeRefresh: (req) => edgeRefresh(req.headers, edges),
    render: (route) => renderReaderRoute(route),
    store,
    database: { ...gate, answer: answerUnavailable },
    policy: readerPagePolicy(createHash("sha256").update(readerStylesheet, "utf8").digest("base64")),
  });
  // With front caches to refresh, the fronts of a change (the front page, its section or Opinion),
  // which the edges are about to ask for, are rendered from the commit on; a story's own page waits
  // for its request, which checks its standing first. Without edges nothing is rendered ahead: a
  // render no one asks for yet would only hold the one thread of SQLite's process.
  if (edges) {
    setPageWarmer((paths) => {
      for (const path of paths) {
        const route = readerRoute(path, new URLSearchParams());
        if (route.page !== "article") reader.warm(route);
      }
    });
  }
  const server = http.createServer(newsdeskRequestListener(app.getRequestHandler(), reader, routeArticlePath, gate, apiRoutes));
  server.listen(port, hostname, () => {
    console.log(`✓ Ready on http://${hostname ?? "localhost"}:${port}`);
    // The first change after a start costs what later ones do (lib/server/warm-up.ts).
    const pages = edges ? pagesEveryChangeRefreshes(new Date()) : [];
    void warmUp({
      self: ownAddress(hostname, port),
      openConnections: () => openPostgresConnections(db),
      pages,
      warmPage: (path) => reader.warm(readerRoute(path, new URLSearchParams())),
    });
  });
  // Stop taking requests, let the background workers finish the step they are in (an email the
  // mail server has accepted is recorded as sent, not sent again after the restart), then exit.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    gate.stop();
    void Promise.all([closed, stopTickers(4_500), searches?.stop(), closeArticleRouting(), relay?.stop()]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

function start() {
  const processes = parseProcessCount(process.env[processesVariable]);
  if (!processes.ok) throw new Error(processes.message);
  const edges = edgeSettings(); // a half-made edge setting stops the start, with what is wrong
  if (edges && cluster.isPrimary) console.log(`Front caches to refresh on each change: ${edges.edges.join(", ")}.`);
  const refusal = processesRefusal(processes.count, databaseProvider());
  if (refusal) throw new Error(refusal);
  if (processes.count > 1 && cluster.isPrimary) superviseProcesses(processes.count);
  else return main(edges);
}

Promise.resolve()
  .then(start)
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
