/**
 * One sign-in attempt, from the typed credentials to the outcome next-auth acts on. The steps, in
 * order (each owned by the module named):
 *   1. throttling per account and per client address (lib/auth/throttle.ts);
 *   2. the password (lib/auth/password.ts), equal work for unknown emails;
 *   3. the second factor when the user has one (lib/auth/second-factor.ts);
 *   4. the session and the audit entry.
 */
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { verifyPassword } from "./password";
import { verifySecondFactor } from "./second-factor";

export type SignInAttempt = {
  email: string;
  password: string;
  /** A TOTP or recovery code, sent on the second step only. */
  code?: string;
  address: string;
  userAgent: string;
  now: Date;
};

/**
 * `code_required`: the password was right and the account has a second factor; the form asks for
 * the code and sends everything again. Every other refusal reads the same to the person signing in.
 */
export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "invalid" | "throttled" | "code_required" | "code_invalid"; retryAfterSeconds?: number };

// Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
const unknownUserHash = "$2b$12$xgZRcT/uPxzxHGaSE.D6B.TlkLVNY.5ZNPhNL06xBd2idvOv52Pya";

export async function attemptSignIn(attempt: SignInAttempt): Promise<SignInOutcome> {
  // 1. Throttling (to build).

  // 2. Password.
  const user = await db.user.findUnique({ where: { email: attempt.email } });
  const matches = await verifyPassword(attempt.password, user?.passwordHash ?? unknownUserHash);
  if (!user || !matches || !user.active) {
    await recordAudit(db, {
      kind: "sign_in_failed",
      actorId: null,
      address: attempt.address,
      subject: attempt.email,
      summary: `Failed sign-in as ${attempt.email}`,
      at: attempt.now,
    });
    return { ok: false, reason: "invalid" };
  }

  // 3. Second factor.
  if (user.totpSecret) {
    if (!attempt.code) return { ok: false, reason: "code_required" };
    const factor = await verifySecondFactor(user, attempt.code, attempt.now, { address: attempt.address });
    if (!factor) return { ok: false, reason: "code_invalid" };
  }

  // 4. Session and audit (to build).
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
