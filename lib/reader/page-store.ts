/**
 * The page store: finished reader pages as the bytes we send, each in every encoding, made once
 * when the page is rendered. Behind a small interface (get, put, expire by tag) so that a store
 * shared by several processes can replace this in-process one.
 *
 * A page is stale when any of its tags was expired after its render began (the tag clock,
 * lib/public-cache/store.ts), so a publication is seen by the very next request even if it landed
 * while the page was being rendered; and after `maxAgeMs` whatever happens, as a safety net.
 */
import { tagExpiredAt, unexpiredSince } from "@/lib/public-cache/store";

export type Encoding = "br" | "gzip" | "identity";

export type StoredPage = {
  status: number;
  contentType: string;
  /** The identity bytes and, as they are made, their compressed variants. */
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
  etag: string;
  tags: readonly string[];
  /** When its render began (ms since the epoch): what the tag clock is compared with. */
  renderedAt: number;
  /** Kept at most this long, when shorter than the store's `maxAgeMs` (what it shows moves with the clock). */
  keptForMs?: number;
};

export interface PageStore {
  get(key: string): StoredPage | undefined;
  put(key: string, page: StoredPage): void;
  /** Drops every page carrying one of these tags. */
  expire(tags: Iterable<string>): void;
}

const byteSize = (page: StoredPage) => Object.values(page.bodies).reduce((sum, body) => sum + (body?.length ?? 0), 0);

/**
 * The in-process store: a Map in least-recently-used order, bounded by the bytes it holds (so a
 * flood of distinct searches evicts old ones rather than the memory of the server).
 */
export function memoryPageStore({
  maxBytes = 64 * 1024 * 1024,
  maxAgeMs = 60 * 60 * 1000,
  now = Date.now,
  expiredAt = tagExpiredAt,
}: { maxBytes?: number; maxAgeMs?: number; now?: () => number; expiredAt?: (tag: string) => number | undefined } = {}): PageStore & {
  size(): { pages: number; bytes: number };
} {
  const pages = new Map<string, StoredPage>();
  let bytes = 0;
  const remove = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    bytes -= byteSize(page);
  };
  const isFresh = (page: StoredPage) =>
    now() - page.renderedAt < Math.min(maxAgeMs, page.keptForMs ?? Infinity) && unexpiredSince(page.tags, page.renderedAt, expiredAt);

  return {
    get(key) {
      const page = pages.get(key);
      if (!page) return undefined;
      if (!isFresh(page)) {
        remove(key);
        return undefined;
      }
      // Most recently used last: re-inserting moves it to the end of the Map's order.
      pages.delete(key);
      pages.set(key, page);
      return page;
    },
    put(key, page) {
      remove(key);
      pages.set(key, page);
      bytes += byteSize(page);
      for (const oldest of pages.keys()) {
        if (bytes <= maxBytes || oldest === key) break;
        remove(oldest);
      }
    },
    expire(tags) {
      const expired = new Set(tags);
      for (const [key, page] of pages) if (page.tags.some((tag) => expired.has(tag))) remove(key);
    },
    size: () => ({ pages: pages.size, bytes }),
  };
}
