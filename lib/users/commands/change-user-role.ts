/** An admin makes someone a reporter, editor or admin. Takes effect on that user's next request. */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/policy";
import { planRoleChange } from "../rules";
import type { ChangeUserRoleInput } from "../schemas";
import { assertAnAdminRemains, countActiveAdmins, readStaffFacts, requireUserManager } from "../staff";

export async function changeUserRole({ input, actor, now }: { input: ChangeUserRoleInput; actor: Actor; now: Date }) {
  requireUserManager(actor);
  return db.$transaction(async (tx) => {
    const target = await readStaffFacts(tx, input.userId);
    const plan = planRoleChange({ actor, target, role: input.role, activeAdminCount: await countActiveAdmins(tx) });
    if (!plan.ok) throw new DeskError(plan.reason, plan.message);
    await tx.user.update({ where: { id: target.id }, data: { role: input.role, updatedAt: now, sessionVersion: { increment: 1 } } }); // ends their sessions
    await assertAnAdminRemains(tx);
    return { id: target.id, role: input.role };
  });
}
