/**
 * The rules of story assignments, pure: when a deadline is acceptable, whether an assignment is
 * overdue, who may start writing it, and when it may be changed or cancelled. Commands and screens
 * both ask here.
 */
import { can, type Actor } from "@/lib/auth/policy";
import { readLocalTime } from "@/lib/time/zones";
import type { ArticleStatus } from "@/lib/articles/workflow";

export type DeadlineResult = { ok: true; deadline: Date } | { ok: false; error: string };

/**
 * A `datetime-local` deadline typed in the newsroom's time zone, as a UTC instant that must still
 * be ahead of `now`: a deadline already past would be overdue the moment it is given.
 */
export function deadlineFromInput(value: string, timeZone: string, now: Date): DeadlineResult {
  const reading = readLocalTime(value, timeZone);
  if (!reading.ok) return { ok: false, error: reading.skipped ? reading.error : "Give the deadline as a date and time." };
  if (reading.at.getTime() <= now.getTime()) return { ok: false, error: "Set a deadline in the future." };
  return { ok: true, deadline: reading.at };
}

/** States in which the writer still has the copy: the story is not yet filed. */
export const unfiledStatuses: readonly ArticleStatus[] = ["draft", "changes_requested"];

export type AssignmentStanding = "cancelled" | "filed" | "overdue" | "open";

/**
 * Cancelled once an editor called it off; filed once the article has gone to the editors
 * (submitted or beyond, spiked included: it is out of the writer's hands); overdue when the
 * deadline has passed before that.
 */
export function assignmentStanding(
  assignment: { deadline: Date; articleStatus: ArticleStatus | null; cancelledAt?: Date | null },
  now: Date,
): AssignmentStanding {
  const { articleStatus } = assignment;
  if (assignment.cancelledAt) return "cancelled";
  if (articleStatus && !unfiledStatuses.includes(articleStatus)) return "filed";
  return assignment.deadline.getTime() < now.getTime() ? "overdue" : "open";
}

/** What the rules below read of an assignment: who has it, whether it is started, whether it is called off. */
type AssignmentState = { assigneeId: string; articleId: string | null; cancelledAt: Date | null };

export type AssignmentRefusal = { code: "forbidden" | "conflict"; message: string };

const cancelledMessage = "This assignment was cancelled.";

/** Why `actor` may not start writing this assignment, or null when they may: the assignee, once, unless it was cancelled. */
export function startRefusal(assignment: AssignmentState, actor: Actor): AssignmentRefusal | null {
  if (assignment.assigneeId !== actor.id) return { code: "forbidden", message: "This assignment is not yours to start." };
  if (assignment.cancelledAt) return { code: "conflict", message: cancelledMessage };
  if (assignment.articleId) return { code: "conflict", message: "This assignment has already been started." };
  return null;
}

export function canStartAssignment(assignment: AssignmentState, actor: Actor): boolean {
  return startRefusal(assignment, actor) === null;
}

/**
 * Reassigning a story already being written would leave the article with one writer and the
 * assignment with another; a cancelled assignment is closed and changes no more.
 */
export function reassignRefusal(assignment: AssignmentState, newAssigneeId: string): string | null {
  if (assignment.cancelledAt) return `${cancelledMessage} It can no longer be changed.`;
  if (assignment.articleId && assignment.assigneeId !== newAssigneeId) {
    return "This story is already being written; it cannot be reassigned.";
  }
  return null;
}

/**
 * Why `actor` may not cancel this assignment, or null when they may: an editor (the policy's
 * "assign:story:any"), before anyone starts writing it. Once started, the story is the writer's
 * article and goes through the workflow: spiking it is how the desk drops it.
 */
export function cancelRefusal(assignment: Omit<AssignmentState, "assigneeId">, actor: Pick<Actor, "role">): AssignmentRefusal | null {
  if (!can(actor, "assign:story:any")) return { code: "forbidden", message: "You may not cancel assignments." };
  if (assignment.cancelledAt) return { code: "conflict", message: "This assignment was already cancelled." };
  if (assignment.articleId) {
    return { code: "conflict", message: "This story is already being written, so it cannot be cancelled. Spike its article instead." };
  }
  return null;
}

export function canCancelAssignment(assignment: Omit<AssignmentState, "assigneeId">, actor: Pick<Actor, "role">): boolean {
  return cancelRefusal(assignment, actor) === null;
}

/** Who may be given a story: active reporters and editors (admins run the newsroom, not the beat). */
export const assignableRoles = ["reporter", "editor"] as const;
