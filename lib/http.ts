/** The few route handlers' shared shape: a JSON object in, an action result out with its status. */
import { deskErrorStatus, type DeskErrorCode } from "@/lib/errors";

/** The request's JSON body if it is an object, else an empty object (zod then names what is missing). */
export async function jsonObject(request: Request): Promise<Record<string, unknown>> {
  const body: unknown = await request.json().catch(() => null);
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** 200 for `{ ok: true }`; a refusal gets the status of its code (422 for invalid input). */
export function resultResponse(result: { ok: boolean; code?: DeskErrorCode }): Response {
  return Response.json(result, { status: result.ok ? 200 : result.code ? deskErrorStatus[result.code] : 422 });
}

/**
 * The request's multipart form, read only as far as `limit` bytes: a body past it is refused as
 * "too_large" without being held in memory (a declared Content-Length is believed first, a streamed
 * one is counted). Null when the body is not a form.
 */
export async function formDataUpTo(request: Request, limit: number): Promise<FormData | "too_large" | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return "too_large";
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
  const headers = { "content-type": request.headers.get("content-type") ?? "" };
  return new Response(Buffer.concat(chunks), { headers }).formData().catch(() => null);
}
