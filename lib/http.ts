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
