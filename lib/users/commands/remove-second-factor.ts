/**
 * An admin removes someone's second factor (a lost phone, the recovery codes gone too). The person
 * signs in with their password alone next time and, if their role needs one, is sent to set up a
 * new factor at once (lib/auth/session.ts). Audited with the admin as the actor.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { clearSecondFactor } from "@/lib/auth/second-factor";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import type { UserRef } from "../schemas";
import { readStaffFacts } from "../staff";

export async function removeSecondFactor({
  input,
  actor,
  now,
  address,
}: {
  input: UserRef;
  actor: Actor;
  now: Date;
  address: string;
}): Promise<{ id: string; hasSecondFactor: false }> {
  requirePermission(actor, "manage:users");
  return db.$transaction(async (tx) => {
    const target = await readStaffFacts(tx, input.userId);
    if (!(await clearSecondFactor(tx, target.id))) throw new DeskError("conflict", `${target.name} has no second factor to remove.`);
    await recordAudit(tx, {
      kind: "second_factor_removed",
      actorId: actor.id,
      address,
      subject: `user:${target.id}`,
      summary: `Removed ${target.name}'s second factor`,
      detail: { by: "admin" },
      at: now,
    });
    return { id: target.id, hasSecondFactor: false as const };
  });
}
