/**
 * Deadline reminders: two hours before an open assignment's deadline, and once it has passed, its
 * assignee and the editor who set it are told. Made by the clock, so each reminder carries a key
 * (the assignment and its deadline) and is written once per person, however many server processes
 * look; moving the deadline makes new reminders.
 */
import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/time/clock";
import { openWhere } from "@/lib/assignments/queries";
import { notify } from "./notify";
import { startTicker } from "@/lib/time/ticker";

export const reminderLeadMs = 2 * 3_600_000;
/** A deadline that passed longer ago than this (the server was down) gets no "passed" reminder. */
const passedWindowMs = 24 * 3_600_000;

export async function remindOfDeadlines(now: Date): Promise<number> {
  const due = await db.assignment.findMany({
    where: { ...openWhere, deadline: { gt: new Date(now.getTime() - passedWindowMs), lte: new Date(now.getTime() + reminderLeadMs) } },
    select: { id: true, deadline: true },
  });
  for (const { id, deadline } of due) {
    const kind = deadline.getTime() <= now.getTime() ? "deadline_passed" : "deadline_soon";
    await db.$transaction((tx) => notify(tx, { kind, assignmentId: id, actorId: null }, { now, onceKey: `${kind}:${id}:${deadline.toISOString()}` }));
  }
  return due.length;
}

/** Checks once a minute. */
export function startDeadlineReminders(clock: () => Date = clockNow): () => void {
  return startTicker("Deadline reminders", 60_000, async () => {
    await remindOfDeadlines(clock());
  });
}
