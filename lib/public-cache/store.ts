/**
 * The tag clock shared with the server's page cache (page-cache-handler.cjs, loaded by Next as its
 * `cacheHandler`). Expiring a tag here takes effect for the very next request, from anywhere in the
 * process: a server action, a route handler, or the scheduler's timer, where Next's own
 * `revalidateTag` has no request to attach to and throws.
 *
 * Outside the Next server (unit tests, scripts) there is no page cache and nothing to expire; the
 * clock is still kept, harmlessly, so callers never need to know where they run.
 */
const stateKey = Symbol.for("newsdesk.public-cache");

type SharedState = { expiredAt?: Map<string, number>; listeners?: Set<(tags: string[]) => void> };

function sharedState(): SharedState {
  const global = globalThis as unknown as Record<symbol, SharedState | undefined>;
  return (global[stateKey] ??= {});
}

function expiredAt(): Map<string, number> {
  const state = sharedState();
  state.expiredAt ??= new Map();
  return state.expiredAt;
}

/** Calls `listener` with the tags of every later expiry (the reader's page store drops those pages). */
export function onTagsExpired(listener: (tags: string[]) => void): void {
  (sharedState().listeners ??= new Set()).add(listener);
}

/** Every cached page and datum carrying one of these tags is re-made on its next request. */
export function expireTags(tags: Iterable<string>, now = Date.now()): void {
  const clock = expiredAt();
  const expired = [...tags];
  for (const tag of expired) clock.set(tag, now);
  for (const listener of sharedState().listeners ?? []) listener(expired);
}

/** When a tag was last expired (ms since the epoch), or undefined. */
export function tagExpiredAt(tag: string): number | undefined {
  return expiredAt().get(tag);
}
