/**
 * Keys the server derives from its one secret (NEXTAUTH_SECRET, made and kept by the start script),
 * one per purpose, so a value signed for one use is worthless for another. Changing the secret
 * invalidates them all: sessions, pending enrolments and stored recovery codes (an admin then
 * removes the second factors and people enrol again).
 */
import "server-only";
import { createHmac } from "node:crypto";

export type KeyPurpose = "recovery-codes" | "second-factor-enrolment";

export function serverKey(purpose: KeyPurpose): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  // A fault in how the server was started, not a user's mistake: the start script always sets it.
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set; start the server with npm start.");
  return createHmac("sha256", secret).update(`newsdesk:${purpose}`).digest();
}
