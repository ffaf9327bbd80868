/** An editor assigns a story: a brief, a writer and a deadline, perhaps a section and notes. */
import "server-only";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/policy";
import { queueNotice } from "@/lib/notifications/queue";
import type { CreateAssignmentInput } from "../schemas";
import { assignableRoles } from "../rules";

export type NewAssignment = Omit<CreateAssignmentInput, "deadline"> & { deadline: Date };

export async function createAssignment({ input, actor, now }: { input: NewAssignment; actor: Actor; now: Date }) {
  requirePermission(actor, "assign:story:any");
  if (input.deadline <= now) throw new DeskError("invalid_input", "Set a deadline in the future.");
  return db.$transaction(async (tx) => {
    const assignee = await tx.user.findFirst({
      where: { id: input.assigneeId, active: true, role: { in: [...assignableRoles] } },
      select: { id: true },
    });
    if (!assignee) throw new DeskError("invalid_input", "Choose an active reporter or editor.");
    if (input.sectionId && !(await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true } }))) {
      throw new DeskError("invalid_input", "That section does not exist.");
    }
    const assignment = await tx.assignment.create({
      data: {
        brief: input.brief,
        notes: input.notes,
        sectionId: input.sectionId ?? null,
        assigneeId: assignee.id,
        assignedById: actor.id,
        deadline: input.deadline,
        createdAt: now,
      },
    });
    await queueNotice(tx, { kind: "assignment_created", assignmentId: assignment.id, actorId: actor.id }, { now });
    return { id: assignment.id };
  });
}
