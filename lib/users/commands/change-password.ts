/**
 * Anyone changes their own password, proving it is them with the current one. Every other session
 * of theirs ends; the one they are using stays. Wrong current passwords count against the account
 * like wrong sign-ins (lib/auth/throttle.ts), so a borrowed session cannot guess the password.
 */
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { DeskError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session";
import { endOtherSessions } from "@/lib/auth/sessions";
import { checkThrottle, clearAccountFailures, recordSignInFailure } from "@/lib/auth/throttle";
import { whenToTryAgain } from "@/lib/auth/throttle-response";
import type { ChangePasswordInput } from "../schemas";

export async function changePassword({
  input,
  actor,
  address,
  now,
}: {
  input: ChangePasswordInput;
  actor: SessionUser;
  address: string;
  now: Date;
}): Promise<{ id: string }> {
  const attempt = { email: actor.email, address, now };
  const verdict = await checkThrottle(db, attempt);
  if (verdict.throttled) {
    throw new DeskError("invalid_input", "Some fields need attention.", { currentPassword: [whenToTryAgain(verdict.retryAfterSeconds)] });
  }
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user) throw new DeskError("not_found", "That user does not exist.");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordSignInFailure(db, attempt);
    throw new DeskError("invalid_input", "Some fields need attention.", { currentPassword: ["That is not your current password."] });
  }
  if (input.newPassword === input.currentPassword) {
    throw new DeskError("invalid_input", "Some fields need attention.", { newPassword: ["Choose a password different from your current one."] });
  }
  // Hashed before the transaction: bcrypt takes a moment, and the write lock should not wait for it.
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: false, updatedAt: now },
    });
    await endOtherSessions(tx, actor.id, actor.sessionId, now);
    await clearAccountFailures(tx, actor.email);
    await recordAudit(tx, {
      kind: "password_changed",
      actorId: actor.id,
      address,
      subject: `user:${actor.id}`,
      summary: `${actor.name} changed their password`,
      at: now,
    });
  });
  return { id: actor.id };
}
