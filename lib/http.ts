/**
 * The one gate for every mutating route handler, and the handlers' shared answer shape.
 *
 * A mutating request is admitted in this order, each step before the body is touched:
 *   1. same origin: a browser's cross-origin `Origin` (or `Sec-Fetch-Site`) is refused with 403, so
 *      another site cannot drive a signed-in editor's cookie (a script without `Origin` may pass);
 *   2. signed in: 401 otherwise, without reading a byte of the body;
 *   3. the content type the route expects (JSON, or the upload's multipart form): 415 otherwise;
 *   4. at most `maxBytes`: a declared Content-Length past it is refused at once, a streamed body is
 *      counted and dropped the moment it passes the limit (413), never held whole in memory.
 *
 * Route handlers call `admitJson`, `admitForm` or `admitBodyless` and return `refusal.response` as is.
 * Server actions are not route handlers: Next checks their origin itself (next.config.js leaves
 * `serverActions.allowedOrigins` unset on purpose).
 */
import { admitActor, type SessionUser } from "@/lib/auth/session";
import { attempt } from "@/lib/desk-results";
import { deskErrorStatus, type DeskErrorCode } from "@/lib/errors";
import { siteUrl } from "@/lib/site-url";

/** 200 for `{ ok: true }`; a refusal gets the status of its code (422 for invalid input). */
export function resultResponse(result: { ok: boolean; code?: DeskErrorCode }): Response {
  return Response.json(result, { status: result.ok ? 200 : result.code ? deskErrorStatus[result.code] : 422 });
}

export type Refused = { ok: false; response: Response };

function refuse(code: DeskErrorCode, error: string): Refused {
  return { ok: false, response: resultResponse({ ok: false, code, error } as { ok: false; code: DeskErrorCode }) };
}

/**
 * Whether a request comes from our own pages. Browsers send `Origin` on every POST, PUT and DELETE;
 * it must be the public address (NEWSDESK_PUBLIC_URL / NEXTAUTH_URL) or the request's own host.
 * `Origin: null` (sandboxed frames, some redirects) is refused; no `Origin` at all is a script or an
 * older client, which still needs a valid session cookie.
 */
export function isSameOrigin(headers: Headers, publicUrl: string = siteUrl()): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  let claimed: URL;
  try {
    claimed = new URL(origin);
  } catch {
    return false;
  }
  if (claimed.protocol !== "http:" && claimed.protocol !== "https:") return false;
  const own = new URL(publicUrl);
  if (claimed.origin === own.origin) return true;
  const host = headers.get("host");
  return host !== null && claimed.host === host.toLowerCase();
}

const mediaTypeOf = (request: Request) => (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

type Expects = { type: "application/json" | "multipart/form-data" | "none"; maxBytes: number };

/** Steps 1–3 and the declared length of step 4: everything that needs only the headers. */
async function admitHeaders(request: Request, expects: Expects): Promise<Refused | { ok: true; actor: SessionUser }> {
  if (!isSameOrigin(request.headers)) return refuse("forbidden", "Requests from other sites are refused.");
  const signedIn = await attempt(async () => ({ actor: await admitActor() }));
  if (!signedIn.ok) return { ok: false, response: resultResponse(signedIn) };
  const type = mediaTypeOf(request);
  if (expects.type === "none" ? type !== "" && type !== "application/json" : type !== expects.type) {
    return refuse("unsupported_media_type", expects.type === "none" ? "This request takes no body." : `Send the body as ${expects.type}.`);
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!(declared <= expects.maxBytes)) return refuse("too_large", `The request is larger than ${expects.maxBytes} bytes.`);
  return { ok: true, actor: signedIn.actor };
}

/** The body's bytes, read only as far as `limit`; past it the stream is cancelled and dropped. */
async function bytesUpTo(request: Request, limit: number): Promise<Uint8Array | "too_large"> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return "too_large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A signed-in, same-origin request with a JSON body of at most `maxBytes`. The body is given as an
 * object (an empty one when it is not a JSON object: zod then names what is missing).
 */
export async function admitJson(
  request: Request,
  maxBytes: number,
): Promise<Refused | { ok: true; actor: SessionUser; body: Record<string, unknown> }> {
  const admitted = await admitHeaders(request, { type: "application/json", maxBytes });
  if (!admitted.ok) return admitted;
  const bytes = await bytesUpTo(request, maxBytes);
  if (bytes === "too_large") return refuse("too_large", `The request is larger than ${maxBytes} bytes.`);
  let body: unknown = null;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    // Not JSON: treated as an empty object, so the answer lists the fields that are needed.
  }
  const object = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { ok: true, actor: admitted.actor, body: object };
}

/** A signed-in, same-origin multipart form of at most `maxBytes`; `form` is null when it cannot be read as one. */
export async function admitForm(
  request: Request,
  maxBytes: number,
): Promise<Refused | { ok: true; actor: SessionUser; form: FormData | null }> {
  const admitted = await admitHeaders(request, { type: "multipart/form-data", maxBytes });
  if (!admitted.ok) return admitted;
  const bytes = await bytesUpTo(request, maxBytes);
  if (bytes === "too_large") return refuse("too_large", `The request is larger than ${maxBytes} bytes.`);
  const headers = { "content-type": request.headers.get("content-type") ?? "" };
  const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers }).formData().catch(() => null);
  return { ok: true, actor: admitted.actor, form };
}

/** A signed-in, same-origin request that carries nothing (a heartbeat): any body is refused, unread. */
export async function admitBodyless(request: Request): Promise<Refused | { ok: true; actor: SessionUser }> {
  const admitted = await admitHeaders(request, { type: "none", maxBytes: 0 });
  if (!admitted.ok) return admitted;
  // A chunked body declares no length: one byte of it is already too much.
  if (request.body && (await bytesUpTo(request, 0)) === "too_large") return refuse("too_large", "This request takes no body.");
  return admitted;
}
