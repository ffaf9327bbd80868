/**
 * The headers object of the request being served: one object per request, so it can key what one
 * part of a request hands to a later part (the API's gate hands the session it checked to the action
 * it runs, lib/auth/session.ts). Null outside a request: a test or a script calling a command, the
 * scheduler's timer.
 */
import "server-only";

// Loaded when first needed, not above: our own reader server bundles this module (through
// lib/auth) and loads it before Next has set up what next/headers needs. Where Next is not set up
// at all (a script, a test's server process), loading it fails: there is no request there.
let nextModules: Promise<[typeof import("next/headers"), typeof import("next/navigation")] | null> | undefined;

export async function currentRequestHeaders(): Promise<object | null> {
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
