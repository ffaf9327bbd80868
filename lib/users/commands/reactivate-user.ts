/** An admin lets a deactivated user sign in again, with the password and role they had. */
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import type { UserRef } from "../schemas";
import { readStaffFacts, requireUserManager } from "../staff";

export async function reactivateUser({ input, actor, now }: { input: UserRef; actor: Actor; now: Date }) {
  requireUserManager(actor);
  return db.$transaction(async (tx) => {
    const target = await readStaffFacts(tx, input.userId);
    await tx.user.update({ where: { id: target.id }, data: { active: true, updatedAt: now } });
    return { id: target.id, active: true };
  });
}
