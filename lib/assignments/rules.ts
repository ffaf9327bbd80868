/**
 * The rules of story assignments, pure: when a deadline is acceptable, whether an assignment is
 * overdue, and who may start writing it. Commands and screens both ask here.
 */
import type { Actor } from "@/lib/auth/policy";
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

export type AssignmentStanding = "filed" | "overdue" | "open";

/**
 * Filed once the article has gone to the editors (submitted or beyond, spiked included: it is out
 * of the writer's hands); overdue when the deadline has passed before that.
 */
export function assignmentStanding(
  assignment: { deadline: Date; articleStatus: ArticleStatus | null },
  now: Date,
): AssignmentStanding {
  const { articleStatus } = assignment;
  if (articleStatus && !unfiledStatuses.includes(articleStatus)) return "filed";
  return assignment.deadline.getTime() < now.getTime() ? "overdue" : "open";
}

type StartRefusal = { code: "forbidden" | "conflict"; message: string };

/** Why `actor` may not start writing this assignment, or null when they may: the assignee, once. */
export function startRefusal(assignment: { assigneeId: string; articleId: string | null }, actor: Actor): StartRefusal | null {
  if (assignment.assigneeId !== actor.id) return { code: "forbidden", message: "This assignment is not yours to start." };
  if (assignment.articleId) return { code: "conflict", message: "This assignment has already been started." };
  return null;
}

export function canStartAssignment(assignment: { assigneeId: string; articleId: string | null }, actor: Actor): boolean {
  return startRefusal(assignment, actor) === null;
}

/** Reassigning a story already being written would leave the article with one writer and the assignment with another. */
export function reassignRefusal(
  assignment: { assigneeId: string; articleId: string | null },
  newAssigneeId: string,
): string | null {
  if (assignment.articleId && assignment.assigneeId !== newAssigneeId) {
    return "This story is already being written; it cannot be reassigned.";
  }
  return null;
}

/** Who may be given a story: active reporters and editors (admins run the newsroom, not the beat). */
export const assignableRoles = ["reporter", "editor"] as const;
