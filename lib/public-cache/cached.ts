/**
 * Cached public reads: `cachedRead(name, read, tags, atBuild)` wraps a database read in Next's data
 * cache (`unstable_cache`) under the `public` tag and the read's own tags, so the pages rendered
 * from it are cached too (ISR) and refreshed when those tags expire (lib/public-cache/index.ts).
 *
 * Two things the wrapper takes care of, so no caller has to:
 * - Dates. Next stores cached data as JSON, which turns a Date into a string on the way back.
 *   Values are encoded with their Dates marked and revived on every read, hit or miss alike.
 * - The build. `next build` prerenders pages without a request; our cache never serves those
 *   prerenders (page-cache-handler.cjs), and the build may run before the database exists, so
 *   during the build a read returns its `atBuild` stand-in instead of touching the database.
 *
 * Reader pages are rendered by our own server (lib/reader), which keeps whole pages: there a read
 * runs directly and hands its tags to the page being rendered (`collectingTags`), so the stored page
 * is expired by exactly the tags of what it shows. Outside both (unit and integration tests,
 * scripts) a read simply runs.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { unexpiredSince } from "./store";
import { publicTag } from "./tags";
import { nextCache } from "@/lib/server/next-cache";

// One per process, wherever this module is bundled (Next's server and our own both load it).
const collectorKey = Symbol.for("newsdesk.reader-tags");
const collector = ((globalThis as unknown as Record<symbol, AsyncLocalStorage<Set<string>>>)[collectorKey] ??=
  new AsyncLocalStorage<Set<string>>());

/** Runs `render` and returns what it made with the tags of every cached read it made on the way. */
export async function collectingTags<T>(render: () => Promise<T>): Promise<{ result: T; tags: string[] }> {
  const tags = new Set<string>([publicTag.everything]);
  const result = await collector.run(tags, render);
  return { result, tags: [...tags] };
}

/** How long a cached read lives without being expired: a safety net, not the refresh mechanism. */
const maxAgeSeconds = 3600;

type Marked = { $date: string };

function encodeDates(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() } satisfies Marked;
  if (Array.isArray(value)) return value.map(encodeDates);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encodeDates(inner)]));
  }
  return value;
}

function decodeDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeDates);
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === "$date" && typeof entries[0]![1] === "string") return new Date(entries[0]![1]);
    return Object.fromEntries(entries.map(([key, inner]) => [key, decodeDates(inner)]));
  }
  return value;
}

/** Exported for its test: what a cached value looks like after a round trip through JSON. */
export function roundTrip<T>(value: T): T {
  return decodeDates(JSON.parse(JSON.stringify(encodeDates(value)))) as T;
}

const isBuild = () => process.env.NEXT_PHASE === "phase-production-build";
const inNextServer = () => Boolean(process.env.NEXT_RUNTIME);

/**
 * `kept`: a small read that takes no arguments and every page makes (the settings, the sections):
 * our reader server keeps its answer in this process until one of its tags expires, rather than
 * asking the database on every render. Prisma compiles each query afresh, about 1 ms apiece, and
 * these were three of a search page's five queries.
 */
export function cachedRead<Args extends unknown[], Result>(
  name: string,
  read: (...args: Args) => Promise<Result>,
  tags: (...args: Args) => string[],
  atBuild: Result,
  { kept = false }: { kept?: boolean } = {},
): (...args: Args) => Promise<Result> {
  const encoded = async (...args: Args) => encodeDates(await read(...args));
  return async (...args: Args) => {
    const pageTags = collector.getStore();
    if (pageTags) {
      const readTags = tags(...args);
      for (const tag of readTags) pageTags.add(tag);
      if (kept && args.length === 0) return keptUntilExpired(`read:${name}`, [publicTag.everything, ...readTags], () => read(...args));
      return read(...args);
    }
    if (!inNextServer()) return read(...args);
    if (isBuild()) return atBuild;
    // Our own server only ever takes the branch above.
    const { unstable_cache } = await nextCache();
    const cached = unstable_cache(encoded, ["newsdesk", name], {
      tags: [publicTag.everything, ...tags(...args)],
      revalidate: maxAgeSeconds,
    });
    return decodeDates(await cached(...args)) as Result;
  };
}

// One per process, like the tag clock it is checked against.
const keptKey = Symbol.for("newsdesk.kept-until-expired");
const kept = ((globalThis as unknown as Record<symbol, Map<string, { value: unknown; at: number }>>)[keptKey] ??= new Map());

/**
 * A part of a page that is dear to compute and rarely changes, kept in this process until one of
 * `tags` is expired after it was computed (the tag clock, store.ts, which hears the other
 * processes' expiries too). For a bounded set of keys only: nothing is ever evicted but by expiry.
 */
export async function keptUntilExpired<T>(key: string, tags: string[], compute: () => Promise<T>): Promise<T> {
  const held = kept.get(key);
  if (held && unexpiredSince(tags, held.at)) return held.value as T;
  const at = Date.now();
  const value = await compute();
  kept.set(key, { value, at });
  return value;
}
