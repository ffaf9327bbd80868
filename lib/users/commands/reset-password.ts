/**
 * An admin resets someone's password: to a temporary one the admin gives them, or to one made here
 * and shown to the admin once. Every session of that person ends, and their next sign-in must choose
 * a new password before anything else (`mustChangePassword`, lib/auth/session.ts).
 */
import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { DeskError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { endAllSessions } from "@/lib/auth/sessions";
import type { ResetPasswordInput } from "../schemas";
import { readStaffFacts } from "../staff";

// No look-alike characters (0/o, 1/l/i): it is read out or copied by hand.
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

/** Four groups of five: about 99 bits, easy to read out. */
export function makeTemporaryPassword(): string {
  return Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join("")).join("-");
}

export async function resetPassword({
  input,
  actor,
  address,
  now,
}: {
  input: ResetPasswordInput;
  actor: Actor;
  address: string;
  now: Date;
}): Promise<{ id: string; name: string; madePassword: string | null }> {
  requirePermission(actor, "manage:users");
  if (input.userId === actor.id) throw new DeskError("forbidden", "Change your own password on your account page.");
  const madePassword = input.temporaryPassword ? null : makeTemporaryPassword();
  const passwordHash = await hashPassword(input.temporaryPassword || madePassword!);
  return db.$transaction(async (tx) => {
    const target = await readStaffFacts(tx, input.userId);
    await tx.user.update({
      where: { id: target.id },
      data: { passwordHash, mustChangePassword: true, passwordChangedAt: now, updatedAt: now },
    });
    await endAllSessions(tx, target.id, now);
    await recordAudit(tx, {
      kind: "password_reset",
      actorId: actor.id,
      address,
      subject: `user:${target.id}`,
      summary: `Reset ${target.name}'s password`,
      detail: { temporaryPasswordMadeHere: madePassword !== null },
      at: now,
    });
    return { id: target.id, name: target.name, madePassword };
  });
}
