/**
 * Next.js's server cache for this process (next.config.js `cacheHandler`): the ISR pages, feeds and
 * sitemaps readers get, and the `unstable_cache` data they are rendered from, held in memory.
 *
 * Why not Next's default file-system cache:
 * - It keeps entries on disk across restarts, while its record of revalidated tags lives in memory.
 *   A restart (or the test suite's fresh database under the same build) would serve pages made from
 *   another database. Memory starts empty with every start, so nothing stale can survive one.
 * - Expiring a tag must work outside a request: the scheduler publishes from a timer, where
 *   `revalidateTag` has no request store. The tag clock here is one object on `globalThis`, shared by
 *   this handler and lib/public-cache/store.ts, so any code in the process can expire tags.
 * - Next never hands a custom handler its build-time prerenders ("historical" paths), so a page
 *   rendered at build time against whatever database was there is never served.
 *
 * An entry is expired when any of its tags was expired after the entry's render began (a miss
 * records when it began; the set that follows stores that instant), so a render that read the
 * database just before a publication can never outlive it. Entries are evicted least recently used
 * beyond NEWSDESK_PAGE_CACHE_MB (default 256).
 *
 * The shared object's shape is the contract with lib/public-cache/store.ts: keep them in step.
 */
const stateKey = Symbol.for("newsdesk.public-cache");
const tagsHeader = "x-next-cache-tags";
const maxBytes = Number(process.env.NEWSDESK_PAGE_CACHE_MB || 256) * 1024 * 1024;

function sharedState() {
  const state = (globalThis[stateKey] ??= {});
  state.expiredAt ??= new Map();
  state.entries ??= new Map();
  state.renderStartedAt ??= new Map();
  state.bytes ??= 0;
  return state;
}

function entryTags(value, ctxTags) {
  const tags = [...(ctxTags ?? [])];
  if (value?.kind === "FETCH" && Array.isArray(value.tags)) tags.push(...value.tags);
  const header = value?.headers?.[tagsHeader];
  if (typeof header === "string" && header) tags.push(...header.split(","));
  return tags;
}

function isExpired(state, tags, lastModified) {
  for (const tag of tags) {
    const at = state.expiredAt.get(tag);
    if (at !== undefined && at >= lastModified) return true;
  }
  return false;
}

function sizeOf(value) {
  if (!value) return 64;
  let size = 256;
  if (typeof value.html === "string") size += value.html.length;
  if (value.rscData) size += value.rscData.length;
  if (value.body) size += value.body.length;
  if (value.segmentData) for (const buffer of value.segmentData.values()) size += buffer.length;
  if (value.kind === "FETCH" && typeof value.data?.body === "string") size += value.data.body.length;
  return size;
}

function forget(state, key) {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.entries.delete(key);
  state.bytes -= entry.size;
}

class PublicPageCache {
  constructor() {
    this.state = sharedState();
  }

  async get(key, ctx) {
    const state = this.state;
    const entry = state.entries.get(key);
    const now = Date.now();
    if (entry && !isExpired(state, entryTags(entry.value, [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]), entry.lastModified)) {
      // Most recently used last: eviction takes from the front.
      state.entries.delete(key);
      state.entries.set(key, entry);
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    }
    forget(state, key);
    state.renderStartedAt.set(key, now);
    if (state.renderStartedAt.size > 10_000) {
      for (const [pending, at] of state.renderStartedAt) if (now - at > 60_000) state.renderStartedAt.delete(pending);
    }
    return null;
  }

  async set(key, value, ctx) {
    const state = this.state;
    forget(state, key);
    const startedAt = state.renderStartedAt.get(key) ?? Date.now();
    state.renderStartedAt.delete(key);
    if (!value) return;
    const stored = value.kind === "FETCH" ? { ...value, tags: ctx?.tags ?? value.tags ?? [] } : value;
    const entry = { value: stored, lastModified: startedAt, cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl, size: sizeOf(stored) };
    state.entries.set(key, entry);
    state.bytes += entry.size;
    for (const oldest of state.entries.keys()) {
      if (state.bytes <= maxBytes) break;
      forget(state, oldest);
    }
  }

  /** Called by Next for revalidateTag()/revalidatePath() inside requests: every profile expires at once. */
  async revalidateTag(tags) {
    const now = Date.now();
    for (const tag of typeof tags === "string" ? [tags] : tags) this.state.expiredAt.set(tag, now);
  }

  resetRequestCache() {}
}

module.exports = PublicPageCache;
