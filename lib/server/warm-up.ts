/**
 * What a server process does once it listens, so that the first change after a start (or a deploy,
 * which also clears the edges) costs what every later one does:
 * - on PostgreSQL, every connection of the pool opened, its catalogs read (lib/prisma-client.ts);
 * - one request to the workflow's API, refused for want of a session: the session check runs for
 *   the first time (through Next, before this server ran the article API itself, that first call
 *   took 220 ms unloaded and 5 ms after; under readers' load the first Publish after a start
 *   waited 300–400 ms on it);
 * - with front caches (edges), the pages every publication has them fetch again, rendered into the
 *   page store one after another: at a million articles on PostgreSQL the news sitemap's first
 *   render took a second, and ran into the next publication.
 * Nothing here changes anything; a failure is only logged.
 */
import { sitemapMonth } from "@/lib/articles/sitemaps";
import { changedAddresses } from "@/lib/public-cache/edges";
import { requestStatus } from "./status-request";

/** The pages a change to everything has the edges fetch again, and this month's sitemap, which every publication changes. */
export function pagesEveryChangeRefreshes(now: Date): string[] {
  const { front, first, then } = changedAddresses("everything");
  return [...front, ...first, ...then, `/sitemaps/${sitemapMonth(now)}.xml`];
}

/** Where this process reaches itself: its own address, or loopback when it listens on every interface. */
export function ownAddress(hostname: string | undefined, port: number): { host: string; port: number } {
  const everywhere = !hostname || hostname === "0.0.0.0" || hostname === "::";
  return { host: everywhere ? "127.0.0.1" : hostname, port };
}

/** POSTs nothing to the workflow API without a session (401), and resolves with the status. */
function askTheDeskApi({ host, port }: { host: string; port: number }): Promise<number | string> {
  const headers = { "Content-Type": "application/json", "Content-Length": "2" };
  return requestStatus({ host, port, method: "POST", path: "/api/articles/warm-up/transitions", headers, timeout: 30_000 }, "{}");
}

export async function warmUp({
  self,
  openConnections,
  pages = [],
  warmPage,
}: {
  self: { host: string; port: number };
  /** First, before anything else uses the database. */
  openConnections?: () => Promise<unknown>;
  /** Rendered in turn, after the API's request has been answered. */
  pages?: string[];
  warmPage?: (path: string) => Promise<void>;
}): Promise<{ api: number | string; pages: number }> {
  await openConnections?.().catch((error: unknown) => console.warn("Warming up: could not open the database's connections:", error));
  const api = await askTheDeskApi(self);
  if (api !== 401) console.warn(`Warming up: the desk's API answered ${api} where 401 was expected.`);
  let warmed = 0;
  for (const page of warmPage ? pages : []) {
    await warmPage!(page);
    warmed += 1;
  }
  return { api, pages: warmed };
}
