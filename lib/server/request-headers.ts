/**
 * The headers and cookies of the request being served, wherever it is served: by Next (a desk page,
 * a server action, a route handler Next runs) or by our own server, which runs a few of the API's
 * route handlers itself (api-routes.ts) inside `servingRequest`. One headers object per request, so
 * it can key what one part of a request hands to a later part (the API's gate hands the session it
 * checked to the action it runs, lib/auth/session.ts). Null outside a request: a test or a script
 * calling a command, the scheduler's timer.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { parseCookie } from "cookie";

export type RequestHeaders = { get(name: string): string | null };
export type RequestCookie = { name: string; value: string };

// One per process: this module may be loaded both by Next's bundle and by our server's.
const ownKey = Symbol.for("newsdesk.own-request");
const own = ((globalThis as unknown as Record<symbol, AsyncLocalStorage<Headers>>)[ownKey] ??= new AsyncLocalStorage<Headers>());

/** Runs `handle` as the request with these headers: what it asks of "the request" is answered from them. */
export function servingRequest<T>(headers: Headers, handle: () => T): T {
  return own.run(headers, handle);
}

// Loaded when first needed, not above: our own reader server bundles this module (through
// lib/auth) and loads it before Next has set up what next/headers needs. Where Next is not set up
// at all (a script, a test's server process), loading it fails: there is no request there.
let nextModules: Promise<[typeof import("next/headers"), typeof import("next/navigation")] | null> | undefined;

/** Asks Next for the request it is serving; null when it serves none here. */
async function fromNext<T>(read: (next: typeof import("next/headers")) => Promise<T>): Promise<T | null> {
  const next = await (nextModules ??= Promise.all([import("next/headers"), import("next/navigation")]).catch(() => null));
  if (!next) return null;
  const [nextHeaders, { unstable_rethrow }] = next;
  try {
    return await read(nextHeaders);
  } catch (error) {
    // Next's own control-flow errors (a page found to be dynamic while prerendering) must pass.
    unstable_rethrow(error);
    return null;
  }
}

export async function currentRequestHeaders(): Promise<RequestHeaders | null> {
  return own.getStore() ?? fromNext((next) => next.headers());
}

/** The request's cookies, in the order they came; none outside a request. */
export async function currentRequestCookies(): Promise<RequestCookie[]> {
  const ours = own.getStore();
  if (ours) {
    const parsed = parseCookie(ours.get("cookie") ?? "");
    return Object.entries(parsed).flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }]));
  }
  return (await fromNext(async (next) => (await next.cookies()).getAll())) ?? [];
}
