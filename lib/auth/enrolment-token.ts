/**
 * A secret being set up, held by the enrolment form until the person types a code from their app.
 * Nothing is stored until then: the page signs `{ user, secret, expiry }` with a key only the
 * server has, the form sends it back with the code, and the server trusts it only if the signature
 * holds, it names the same user and it has not expired. Pure: key and clock are arguments.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Long enough to install an authenticator app; short enough that a copied page soon goes stale. */
export const enrolmentLifetimeMs = 20 * 60 * 1000;

type Pending = { userId: string; secret: string };

function signature(key: Buffer, payload: string): Buffer {
  return createHmac("sha256", key).update(payload).digest();
}

export function sealEnrolment(key: Buffer, pending: Pending, now: Date): string {
  const payload = Buffer.from(JSON.stringify({ u: pending.userId, s: pending.secret, e: now.getTime() + enrolmentLifetimeMs })).toString("base64url");
  return `${payload}.${signature(key, payload).toString("base64url")}`;
}

/** The pending secret, or null when the token is forged, altered, someone else's or expired. */
export function openEnrolment(key: Buffer, token: string, userId: string, now: Date): string | null {
  const [payload, signed, ...rest] = token.split(".");
  if (!payload || !signed || rest.length > 0) return null;
  const expected = signature(key, payload);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { u, s, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { u?: unknown; s?: unknown; e?: unknown };
    if (u !== userId || typeof s !== "string" || typeof e !== "number" || now.getTime() > e) return null;
    return s;
  } catch {
    return null;
  }
}
