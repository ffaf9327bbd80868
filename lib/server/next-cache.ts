/**
 * Next's cache functions (revalidatePath, revalidateTag, unstable_cache), loaded when first used,
 * not imported at the top: our own server bundles modules that call them (the API routes it runs
 * itself, api-routes.ts) and loads those before Next has set up what next/cache needs at load.
 * Called outside a request Next serves, the functions themselves throw: the callers catch that.
 */
import "server-only";

let loaded: Promise<typeof import("next/cache")> | undefined;

export function nextCache(): Promise<typeof import("next/cache")> {
  return (loaded ??= import("next/cache"));
}
