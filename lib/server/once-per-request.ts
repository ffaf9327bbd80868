/**
 * A read made once per request, however many parts of the request ask. React's `cache` gives that
 * within a render, but not in a route handler, where the API's gate (lib/http.ts) and the action it
 * runs each asked for the session and the settings: two token decryptions and four reads on every
 * change made through the API. There the request's headers, one object per request, key the answer.
 */
import "server-only";
import { cache } from "react";

export function oncePerRequest<T>(read: () => Promise<T>): () => Promise<T> {
  const answered = new WeakMap<object, Promise<T>>();
  return cache(async () => {
    const request = await requestHeaders();
    if (!request) return read();
    let answer = answered.get(request);
    if (!answer) {
      answer = read();
      answered.set(request, answer);
    }
    return answer;
  });
}

// Loaded when first needed, not above: our own reader server bundles this module (through
// lib/settings.ts) and loads it before Next has set up what next/headers needs. Where Next is not
// set up at all (a script, a test's server process), loading it fails: there is no request there.
let nextModules: Promise<[typeof import("next/headers"), typeof import("next/navigation")] | null> | undefined;

/** The request's headers; null outside a request (a test or a script calling a command). */
async function requestHeaders(): Promise<object | null> {
  const next = await (nextModules ??= Promise.all([import("next/headers"), import("next/navigation")]).catch(() => null));
  if (!next) return null;
  const [{ headers }, { unstable_rethrow }] = next;
  try {
    return await headers();
  } catch (error) {
    // Next's own control-flow errors (a page found to be dynamic while prerendering) must pass.
    unstable_rethrow(error);
    return null;
  }
}
