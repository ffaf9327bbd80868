/**
 * An editor calls off a story nobody has started writing. The assignment stays, marked with who
 * cancelled it and when, so its page still answers the assignee's notification; it leaves the open
 * lists and the deadline reminders. A story already being written is the writer's article: the
 * desk spikes it instead (lib/assignments/rules.ts).
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { queueNotice } from "@/lib/notifications/queue";
import { cancelRefusal } from "../rules";

export async function cancelAssignment({ assignmentId, actor, now }: { assignmentId: string; actor: Actor; now: Date }) {
  requirePermission(actor, "assign:story:any");
  return db.$transaction(async (tx) => {
    const assignment = await tx.assignment.findUnique({ where: { id: assignmentId } });
    if (!assignment) throw new DeskError("not_found", "That assignment does not exist.");
    const refusal = cancelRefusal(assignment, actor);
    if (refusal) throw new DeskError(refusal.code, refusal.message);
    // Only if nobody started it (or cancelled it) meanwhile: the start links the article in its own transaction.
    const cancelled = await tx.assignment.updateMany({
      where: { id: assignment.id, articleId: null, cancelledAt: null },
      data: { cancelledAt: now, cancelledById: actor.id },
    });
    if (cancelled.count !== 1) throw new DeskError("conflict", "The assignment changed while you were looking at it. Look again.");
    await queueNotice(tx, { kind: "assignment_cancelled", assignmentId: assignment.id, actorId: actor.id }, { now });
    return { id: assignment.id };
  });
}
