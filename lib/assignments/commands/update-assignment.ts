/**
 * An editor reassigns a story or moves its deadline. A story already being written keeps its
 * writer (the article is theirs); its deadline may still move. A cancelled one changes no more.
 */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { queueNotice } from "@/lib/notifications/queue";
import { assignableRoles, reassignRefusal } from "../rules";

export type AssignmentChanges = { assignmentId: string; assigneeId: string; deadline: Date };

export async function updateAssignment({ input, actor, now }: { input: AssignmentChanges; actor: Actor; now: Date }) {
  requirePermission(actor, "assign:story:any");
  if (input.deadline <= now) throw new DeskError("invalid_input", "Set a deadline in the future.");
  return db.$transaction(async (tx) => {
    const assignment = await tx.assignment.findUnique({ where: { id: input.assignmentId } });
    if (!assignment) throw new DeskError("not_found", "That assignment does not exist.");
    const refusal = reassignRefusal(assignment, input.assigneeId);
    if (refusal) throw new DeskError("conflict", refusal);
    if (input.assigneeId !== assignment.assigneeId) {
      const assignee = await tx.user.findFirst({
        where: { id: input.assigneeId, active: true, role: { in: [...assignableRoles] } },
        select: { id: true },
      });
      if (!assignee) throw new DeskError("invalid_input", "Choose an active reporter or editor.");
    }
    // Only if nobody started it meanwhile: the start links the article in its own transaction.
    const updated = await tx.assignment.updateMany({
      where: { id: assignment.id, articleId: assignment.articleId, cancelledAt: null },
      data: { assigneeId: input.assigneeId, deadline: input.deadline },
    });
    if (updated.count !== 1) throw new DeskError("conflict", "The assignment changed while you were editing it. Look again.");
    // A new assignee hears of it as a new assignment; the same one, as a change.
    const kind = input.assigneeId === assignment.assigneeId ? "assignment_changed" : "assignment_created";
    await queueNotice(tx, { kind, assignmentId: assignment.id, actorId: actor.id }, { now });
    return { id: assignment.id };
  });
}
