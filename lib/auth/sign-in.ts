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
import { HashQueueFull, noPassword, verifyPassword } from "./password";
import { verifySecondFactor } from "./second-factor";
import { sessionExpiry } from "./session-rules";
import { claimAttempt, clearAccountFailures, releaseClaim, settleFailure } from "./throttle";

export type SignInAttempt = {
  email: string;
  password: string;
  /** A TOTP or recovery code, sent on the second step only. */
  code?: string;
  address: string;
  userAgent: string;
  now: Date;
};

/** What the token carries: the user, their DeskSession row and their session version. */
export type SignedInUser = { id: string; name: string; email: string; sessionId: string; sessionVersion: number };

/**
 * `code_required`: the password was right and the account has a second factor; the form asks for
 * the code and sends everything again. Every other refusal reads the same to the person signing in.
 */
export type SignInOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "throttled" | "code_required" | "code_invalid"; retryAfterSeconds?: number };

// Compared against when the email is unknown or its account has no password, so either takes as
// long as a wrong password.
const standInHash = "$2b$12$xgZRcT/uPxzxHGaSE.D6B.TlkLVNY.5ZNPhNL06xBd2idvOv52Pya";

// Too many checks already queued on this process: refused like a throttle, briefly, for everyone
// alike (it says nothing about the account), and not counted against the account.
const busyRetrySeconds = 5;

export async function attemptSignIn(attempt: SignInAttempt): Promise<SignInOutcome> {
  // 1. Throttling: a refused attempt never reaches bcrypt; one let through is counted at once.
  const verdict = await claimAttempt(db, attempt);
  if (verdict.throttled) return { ok: false, reason: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  const { claim } = verdict;

  // 2. Password.
  const user = await db.user.findUnique({ where: { email: attempt.email } });
  let matches: boolean;
  try {
    const passwordless = !user || user.passwordHash === noPassword;
    matches = (await verifyPassword(attempt.password, passwordless ? standInHash : user.passwordHash)) && !passwordless;
  } catch (error) {
    await releaseClaim(db, claim);
    if (error instanceof HashQueueFull) return { ok: false, reason: "throttled", retryAfterSeconds: busyRetrySeconds };
    throw error;
  }
  if (!user || !matches || !user.active) {
    await recordFailure(attempt, user?.id ?? null, "sign_in_failed");
    return { ok: false, reason: "invalid" };
  }

  // 3. Second factor.
  if (user.totpSecret) {
    if (!attempt.code) {
      await releaseClaim(db, claim); // the password was right: no failure to count
      return { ok: false, reason: "code_required" };
    }
    const factor = await verifySecondFactor(user, attempt.code, attempt.now, { address: attempt.address });
    if (!factor) {
      await recordFailure(attempt, user.id, "second_factor_failed");
      return { ok: false, reason: "code_invalid" };
    }
  }

  // 4. Session and audit.
  const session = await db.$transaction(async (tx) => {
    await clearAccountFailures(tx, attempt.email);
    await releaseClaim(tx, claim);
    const created = await tx.deskSession.create({
      data: {
        userId: user.id,
        createdAt: attempt.now,
        lastSeenAt: attempt.now,
        expiresAt: sessionExpiry(attempt.now),
        address: attempt.address,
        userAgent: attempt.userAgent,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      kind: "sign_in",
      actorId: user.id,
      address: attempt.address,
      subject: `user:${user.id}`,
      summary: `${user.name} signed in`,
      detail: { session: created.id, userAgent: attempt.userAgent },
      at: attempt.now,
    });
    return created;
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email, sessionId: session.id, sessionVersion: user.sessionVersion },
  };
}

/**
 * Settles a claimed attempt as a failure and writes it to the audit log, with a lockout entry when
 * this failure reached a limit. `actorId` stays null: nobody is signed in, and the typed email is the subject.
 */
async function recordFailure(attempt: SignInAttempt, userId: string | null, kind: "sign_in_failed" | "second_factor_failed") {
  await db.$transaction(async (tx) => {
    const reached = await settleFailure(tx, attempt);
    const base = { actorId: null, address: attempt.address, subject: attempt.email, at: attempt.now };
    await recordAudit(tx, {
      ...base,
      kind,
      summary: kind === "sign_in_failed" ? `Failed sign-in as ${attempt.email}` : `Wrong second-factor code for ${attempt.email}`,
      detail: { knownAccount: userId !== null },
    });
    for (const key of reached) {
      await recordAudit(tx, {
        ...base,
        kind: "lockout",
        summary: key.startsWith("account:") ? `Sign-in locked for ${attempt.email}` : `Sign-in locked for address ${attempt.address}`,
        detail: { key },
      });
    }
  });
}
