/**
 * How a throttled sign-in travels: authorize() throws `throttled:<seconds>`, next-auth puts that in
 * its answer's `error`, the route turns the answer into a 429 with Retry-After, and the sign-in
 * form shows the wrong-password wording plus when to try again. No server imports: the form uses it.
 */
export function throttledError(retryAfterSeconds: number): string {
  return `throttled:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The wait in seconds when `error` is a throttled sign-in's, else null. */
export function retryAfterOf(error: string | null | undefined): number | null {
  const match = /^throttled:(\d+)$/.exec(error ?? "");
  return match ? Number(match[1]) : null;
}

/** "in 1 minute", "in 10 minutes": rounded up, never "in 0 minutes". */
export function whenToTryAgain(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The error next-auth put in its answer: in the JSON body's `url` (the form's fetch) or the redirect. */
async function errorIn(response: Response): Promise<string | null> {
  const location = response.headers.get("location");
  let url = location;
  if (!url && response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
    url = typeof body?.url === "string" ? body.url : null;
  }
  if (!url) return null;
  try {
    return new URL(url, "http://newsdesk.invalid").searchParams.get("error");
  } catch {
    return null;
  }
}

/** A throttled credentials sign-in answered as 429 Too Many Requests with Retry-After; anything else unchanged. */
export async function asTooManyRequests(response: Response): Promise<Response> {
  if (response.status !== 401 && response.status !== 302) return response;
  const retryAfter = retryAfterOf(await errorIn(response));
  if (retryAfter === null) return response;
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(retryAfter));
  headers.delete("location");
  const location = response.headers.get("location");
  const body = location ? JSON.stringify({ url: location }) : await response.text();
  if (location) headers.set("content-type", "application/json");
  return new Response(body, { status: 429, headers });
}
