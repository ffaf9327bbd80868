/**
 * An admin deactivates an account. The user can no longer sign in (lib/auth/options.ts), and their
 * open sessions stop working on their next request (lib/auth/session.ts re-reads `active`). Their
 * articles and bylines stay.
 *
 * Stories they scheduled still go live at their times (docs/decisions/013), so the admin is shown
 * them first: while any is unacknowledged, nothing changes and the list comes back instead.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { planDeactivation } from "../rules";
import type { DeactivateUserInput } from "../schemas";
import type { Tx } from "@/lib/db";
import { assertAnAdminRemains, countActiveAdmins, readStaffFacts } from "../staff";

export type ScheduledStory = { id: string; headline: string; scheduledFor: Date };

export type DeactivationOutcome =
  | { deactivated: true; id: string; active: false }
  | { deactivated: false; id: string; scheduled: ScheduledStory[] };

export async function deactivateUser({
  input,
  actor,
  now,
  context = noClient,
}: {
  input: DeactivateUserInput;
  actor: Actor;
  now: Date;
  context?: AuditContext;
}): Promise<DeactivationOutcome> {
  requirePermission(actor, "manage:users");
  return db.$transaction(async (tx): Promise<DeactivationOutcome> => {
    const target = await readStaffFacts(tx, input.userId);
    const plan = planDeactivation({ actor, target, activeAdminCount: await countActiveAdmins(tx) });
    if (!plan.ok) throw new DeskError(plan.reason, plan.message);
    const scheduled = await storiesScheduledBy(tx, target.id);
    const acknowledged = new Set(input.acknowledgedScheduled ?? []);
    if (target.active && scheduled.some((story) => !acknowledged.has(story.id))) {
      return { deactivated: false, id: target.id, scheduled };
    }
    await tx.user.update({ where: { id: target.id }, data: { active: false, updatedAt: now, sessionVersion: { increment: 1 } } }); // ends their sessions
    await assertAnAdminRemains(tx);
    if (target.active) {
      await recordAudit(tx, {
        kind: "user_deactivated",
        actorId: actor.id,
        address: context.address,
        subject: `user:${target.id}`,
        summary: `Deactivated ${target.name}${scheduledNote(scheduled.length)}`,
        detail: { before: { active: true }, after: { active: false }, scheduledStories: scheduled },
        at: now,
      });
    }
    return { deactivated: true, id: target.id, active: false };
  });
}

/** The stories that go live later on `userId`'s authority, soonest first. */
export function storiesScheduledBy(tx: Tx, userId: string): Promise<ScheduledStory[]> {
  return tx.article
    .findMany({
      where: { scheduledById: userId, status: "scheduled", scheduledFor: { not: null } },
      orderBy: [{ scheduledFor: "asc" }, { id: "asc" }],
      select: { id: true, headline: true, scheduledFor: true },
    })
    .then((rows) => rows.flatMap(({ scheduledFor, ...row }) => (scheduledFor ? [{ ...row, scheduledFor }] : [])));
}

function scheduledNote(count: number): string {
  if (count === 0) return "";
  return `; ${count} ${count === 1 ? "story" : "stories"} they scheduled will still go live`;
}
