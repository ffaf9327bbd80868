/**
 * An admin lets a deactivated user sign in again, with the password and role they had. An account
 * still on the public demo password (lib/demo.ts) is the exception: anyone could sign in to it, so
 * it comes back only with a new password, set by the admin in the same step, to be changed by its
 * owner at their next sign-in.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { demoPassword } from "@/lib/demo";
import type { ReactivateUserInput } from "../schemas";
import { readStaffFacts } from "../staff";

export const demoPasswordMustGo =
  "This account still has the public demo password. Set a new password to reactivate it.";
export const demoPasswordRefused = "That is the public demo password. Choose another.";

export async function reactivateUser({
  input,
  actor,
  now,
  context = noClient,
}: {
  input: ReactivateUserInput;
  actor: Actor;
  now: Date;
  context?: AuditContext;
}) {
  requirePermission(actor, "manage:users");
  const before = await db.user.findUnique({ where: { id: input.userId }, select: { active: true, passwordHash: true } });
  if (!before) throw new DeskError("not_found", "That user does not exist.");
  if (before.active) return { id: input.userId, active: true };
  // bcrypt takes a moment: checked and hashed before the transaction, which then makes sure the
  // password it judged is still the one stored.
  const replacement = await replacementPassword(before.passwordHash, input.newPassword);
  return db.$transaction(async (tx) => {
    const target = await readStaffFacts(tx, input.userId);
    const { count } = await tx.user.updateMany({
      where: { id: target.id, active: false, passwordHash: before.passwordHash },
      data: {
        active: true,
        updatedAt: now,
        ...(replacement ? { passwordHash: replacement, passwordChangedAt: now, mustChangePassword: true } : {}),
      },
    });
    if (count !== 1) throw new DeskError("conflict", "The account changed while you were deciding. Look again.");
    await recordAudit(tx, {
      kind: "user_reactivated",
      actorId: actor.id,
      address: context.address,
      subject: `user:${target.id}`,
      summary: `Reactivated ${target.name}${replacement ? " with a new password, replacing the public demo password" : ""}`,
      detail: { before: { active: false }, after: { active: true }, demoPasswordReplaced: Boolean(replacement) },
      at: now,
    });
    return { id: target.id, active: true };
  });
}

/** The new password's hash when the account is on the demo password; null when it may keep its own. */
async function replacementPassword(currentHash: string, newPassword: string | undefined): Promise<string | null> {
  if (!(await verifyPassword(demoPassword, currentHash))) return null;
  if (!newPassword) throw new DeskError("invalid_input", demoPasswordMustGo, { newPassword: [demoPasswordMustGo] });
  if (newPassword === demoPassword) throw new DeskError("invalid_input", demoPasswordRefused, { newPassword: [demoPasswordRefused] });
  return hashPassword(newPassword);
}
