/** An admin makes someone a reporter, editor or admin. Takes effect on that user's next request. */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { planRoleChange } from "../rules";
import type { ChangeUserRoleInput } from "../schemas";
import { assertAnAdminRemains, countActiveAdmins, readStaffFacts } from "../staff";

export async function changeUserRole({
  input,
  actor,
  now,
  context = noClient,
}: {
  input: ChangeUserRoleInput;
  actor: Actor;
  now: Date;
  context?: AuditContext;
}) {
  requirePermission(actor, "manage:users");
  return db.$transaction(async (tx) => {
    const target = await readStaffFacts(tx, input.userId);
    const plan = planRoleChange({ actor, target, role: input.role, activeAdminCount: await countActiveAdmins(tx) });
    if (!plan.ok) throw new DeskError(plan.reason, plan.message);
    await tx.user.update({ where: { id: target.id }, data: { role: input.role, updatedAt: now, sessionVersion: { increment: 1 } } }); // ends their sessions
    await assertAnAdminRemains(tx);
    if (target.role !== input.role) {
      await recordAudit(tx, {
        kind: "role_changed",
        actorId: actor.id,
        address: context.address,
        subject: `user:${target.id}`,
        summary: `Changed ${target.name}'s role from ${target.role} to ${input.role}`,
        detail: { before: { role: target.role }, after: { role: input.role } },
        at: now,
      });
    }
    return { id: target.id, role: input.role };
  });
}
