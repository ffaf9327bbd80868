/**
 * The tag clock shared with the server's page cache (page-cache-handler.cjs, loaded by Next as its
 * `cacheHandler`). Expiring a tag here takes effect for the very next request, from anywhere in the
 * process: a server action, a route handler, or the scheduler's timer, where Next's own
 * `revalidateTag` has no request to attach to and throws.
 *
 * Outside the Next server (unit tests, scripts) there is no page cache and nothing to expire; the
 * clock is still kept, harmlessly, so callers never need to know where they run.
 *
 * With several server processes, an expiry made here is passed on to the others and theirs arrive
 * here (lib/postgres/expiry-relay.ts); listeners are told which it is.
 */
import { randomUUID } from "node:crypto";

const stateKey = Symbol.for("newsdesk.public-cache");

/**
 * Where an expiry comes from: a change made in this process ("here"), one made here and already
 * announced to the other processes inside its transaction ("announced"), or one another process
 * made ("elsewhere").
 */
export type ExpiryOrigin = "here" | "announced" | "elsewhere";
type Listener = (tags: string[], origin: ExpiryOrigin) => void;

type SharedState = { expiredAt?: Map<string, number>; listeners?: Set<Listener>; processId?: string; changesTakenIn?: Map<string, number>; warmer?: (paths: string[]) => void };

function sharedState(): SharedState {
  const global = globalThis as unknown as Record<symbol, SharedState | undefined>;
  return (global[stateKey] ??= {});
}

function expiredAt(): Map<string, number> {
  const state = sharedState();
  state.expiredAt ??= new Map();
  return state.expiredAt;
}

/** This process's name among the newspaper's server processes (random, made once per process). */
export function processId(): string {
  return (sharedState().processId ??= randomUUID());
}

/**
 * Calls `listener` with the tags of every later expiry (the reader's page store drops those pages;
 * the relay passes this process's own on). Returns a function that stops it.
 */
export function onTagsExpired(listener: Listener): () => void {
  const listeners = (sharedState().listeners ??= new Set());
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every cached page and datum carrying one of these tags is re-made on its next request. */
export function expireTags(tags: Iterable<string>, now = Date.now(), origin: ExpiryOrigin = "here"): void {
  const clock = expiredAt();
  const expired = [...tags];
  for (const tag of expired) clock.set(tag, now);
  for (const listener of sharedState().listeners ?? []) listener(expired, origin);
}

/** A named change: its expired tags, and an id that lets each process take it in once. */
export type NamedChange = { id: string; tags: string[] };

/**
 * Expires a change's tags the first time this process hears of it, from wherever it comes (made
 * here, an edge's fetch-again request, another process's message); returns when it was taken in.
 * Heard twice, it would be expired twice, and a page rendered in between for the edge would count
 * as stale and be rendered again.
 */
export function takeInChange(change: NamedChange, origin: ExpiryOrigin, now = Date.now()): number {
  const taken = (sharedState().changesTakenIn ??= new Map());
  const at = taken.get(change.id);
  if (at !== undefined) return at;
  taken.set(change.id, now);
  // Forget the oldest names: a change's messages and fetch-agains all come within seconds.
  if (taken.size > 1_000) taken.delete(taken.keys().next().value!);
  expireTags(change.tags, now, origin);
  return now;
}

/**
 * Resolves once the clock has passed the millisecond of `at`. The tag clock counts in
 * milliseconds and a render begun in the same millisecond as an expiry counts as begun before it
 * (stale): waiting out that millisecond (a few turns of the event loop) makes the next render
 * count as fresh.
 */
export async function afterMillisecondOf(at: number): Promise<void> {
  while (Date.now() <= at) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * What renders pages before their first reader asks (the server's page store registers it,
 * server.ts); null to stop. Outside the server nothing is registered and warming does nothing.
 */
export function setPageWarmer(warmer: ((paths: string[]) => void) | null): void {
  sharedState().warmer = warmer ?? undefined;
}

/** Starts rendering these addresses now, without waiting for them (see setPageWarmer). */
export function warmPages(paths: string[]): void {
  sharedState().warmer?.(paths);
}

/** When a tag was last expired (ms since the epoch), or undefined. */
export function tagExpiredAt(tag: string): number | undefined {
  return expiredAt().get(tag);
}

/** Whether something made at `at` (ms since the epoch) from `tags` still holds: none has expired since. */
export function unexpiredSince(tags: readonly string[], at: number, lastExpired: (tag: string) => number | undefined = tagExpiredAt): boolean {
  return tags.every((tag) => (lastExpired(tag) ?? -Infinity) < at);
}
