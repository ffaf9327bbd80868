/**
 * An admin deactivates an account. The user can no longer sign in (lib/auth/options.ts), and their
 * open sessions stop working on their next request (lib/auth/session.ts re-reads `active`). Their
 * articles and bylines stay.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/policy";
import { planDeactivation } from "../rules";
import type { UserRef } from "../schemas";
import { assertAnAdminRemains, countActiveAdmins, readStaffFacts, requireUserManager } from "../staff";

export async function deactivateUser({ input, actor, now }: { input: UserRef; actor: Actor; now: Date }) {
  requireUserManager(actor);
  return db.$transaction(async (tx) => {
    const target = await readStaffFacts(tx, input.userId);
    const plan = planDeactivation({ actor, target, activeAdminCount: await countActiveAdmins(tx) });
    if (!plan.ok) throw new DeskError(plan.reason, plan.message);
    await tx.user.update({ where: { id: target.id }, data: { active: false, updatedAt: now, sessionVersion: { increment: 1 } } }); // ends their sessions
    await assertAnAdminRemains(tx);
    return { id: target.id, active: false };
  });
}
