/**
 * Scheduled publication. A scheduled article goes live at its time whether or not anyone visits
 * the site: the server checks every second for articles that are due and publishes the revision
 * that was scheduled, in the name of the editor who scheduled it. On start it first catches up on
 * anything that fell due while the server was down, and records that it was late; the desk shows it.
 *
 * With several server processes, each checks, but only the one holding the scheduler's lease
 * (lib/leases.ts) publishes: one publication, one history line, one refresh of the pages.
 */
import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/time/clock";
import { isDeskError } from "@/lib/errors";
import { noClient } from "@/lib/audit/context";
import { getSettings } from "@/lib/settings";
import { can, isRole, type Actor } from "@/lib/auth/policy";
import { formatZonedMoment } from "@/lib/time/format";
import { claimLease, releaseLease } from "@/lib/leases";
import { hostname } from "node:os";
import { startTicker } from "@/lib/time/ticker";
import { moveArticle } from "./commands/move-article";

/** While running, a publication more than this long after its time is recorded as late. */
export const lateAfterMs = 60_000;
const tickMs = 1_000;

export function isLate({ scheduledFor, now }: { scheduledFor: Date; now: Date }): boolean {
  return now.getTime() - scheduledFor.getTime() > lateAfterMs;
}

type DueArticle = {
  scheduledFor: Date;
  version: number;
  approvedVersion: number | null;
  scheduledBy: { name: string; role: string; active: boolean };
};

/** The history line of a scheduled publication: when, how late and why, and what went live. */
export function scheduledRunNote(
  article: DueArticle,
  { now, starting, timeZone }: { now: Date; starting: boolean; timeZone: string },
): { late: boolean; note: string } {
  const due = formatZonedMoment(article.scheduledFor, timeZone);
  const minutes = Math.round((now.getTime() - article.scheduledFor.getTime()) / 60_000);
  const late = starting || isLate({ scheduledFor: article.scheduledFor, now });
  const lines = [
    !late
      ? "Published automatically at its scheduled time."
      : starting
        ? `Published late, when the server started: it was due at ${due}, when the server was not running.`
        : `Published late: it was due at ${due}, ${minutes} minute${minutes === 1 ? "" : "s"} earlier.`,
  ];
  const scheduled = article.approvedVersion ?? article.version;
  if (scheduled !== article.version) {
    lines.push(`Revision ${scheduled}, the one scheduled, went live; revision ${article.version}, saved later, did not.`);
  }
  const { scheduledBy: editor } = article;
  if (!editor.active) lines.push(`It was scheduled by ${editor.name}, whose account has since been deactivated.`);
  else if (!isRole(editor.role) || !can({ role: editor.role }, "publish:article:any")) {
    lines.push(`It was scheduled by ${editor.name}, who may no longer publish.`);
  }
  return { late, note: lines.join(" ") };
}

/**
 * Publishes every scheduled article whose time has come; returns what it published. `starting`:
 * this is the catch-up run when the server starts, so anything due was missed while it was down.
 * `only`: just these articles (the test-mode hook, scheduler-test-hook.ts, so journeys running side
 * by side never publish each other's stories).
 */
export async function publishDueArticles(
  now: Date,
  { starting = false, only }: { starting?: boolean; only?: string[] } = {},
): Promise<{ id: string; late: boolean }[]> {
  const due = await db.article.findMany({
    where: { status: "scheduled", scheduledFor: { lte: now }, ...(only ? { id: { in: only } } : {}) },
    orderBy: { scheduledFor: "asc" },
    select: {
      id: true,
      scheduledFor: true,
      version: true,
      approvedVersion: true,
      scheduledBy: { select: { id: true, name: true, role: true, active: true } },
    },
  });
  if (due.length === 0) return [];
  const { timeZone } = await getSettings();
  const published: { id: string; late: boolean }[] = [];
  for (const { id, scheduledFor, scheduledBy, ...article } of due) {
    // Every schedule names its editor; a row without one was not made by this newsroom's desk.
    if (!scheduledFor || !scheduledBy || !isRole(scheduledBy.role)) continue;
    // Scheduling needs the right to publish, checked when the editor scheduled it. Their decision
    // stands if they later leave or change role (the history says so): a story held for an embargo
    // must not silently miss its time. The run acts as that editor, as they are now; what lets it
    // publish is the rule of decision 013 (scheduledRunMayPublish), not a borrowed role.
    const onTheirSchedule: Actor = { id: scheduledBy.id, role: scheduledBy.role };
    const run = scheduledRunNote({ ...article, scheduledFor, scheduledBy }, { now, starting, timeZone });
    try {
      // The audit log names the scheduling editor as the actor and says the scheduler acted; no client.
      await moveArticle({
        input: { articleId: id, action: "publish" },
        actor: onTheirSchedule,
        now,
        scheduledRun: run,
        context: noClient,
      });
      published.push({ id, late: run.late });
    } catch (error) {
      // Someone moved it in the meantime; the next tick reads it afresh.
      if (!isDeskError(error)) throw error;
      console.warn(`Scheduled publication of ${id} refused: ${error.message}`);
    }
  }
  return published;
}

/** The lease that lets one process publish; held while renewed each second, lost 10 s after that stops. */
export const schedulerLease = { name: "scheduler", forMs: 10_000 } as const;

/** This process's name in the lease: which machine and process holds it, for whoever looks. */
export const schedulerHolder = () => `${hostname()}#${process.pid}`;

/**
 * One check: publishes what is due if this process holds (or now takes) the scheduler's lease;
 * null when another process holds it.
 */
export async function runScheduledPublications(
  now: Date,
  { holder = schedulerHolder(), starting = false }: { holder?: string; starting?: boolean } = {},
): Promise<{ id: string; late: boolean }[] | null> {
  if (!(await claimLease(db, { ...schedulerLease, holder, now }))) return null;
  return publishDueArticles(now, { starting });
}

/**
 * Starts the once-a-second check (once per process). The first run is the catch-up on times missed
 * while the server was down. Returns a function that stops it (for tests).
 */
export function startScheduler(clock: () => Date = clockNow): () => void {
  const holder = schedulerHolder();
  // Only this process's first check catches up on what fell due while no server ran; a process
  // that takes the lease over later publishes what it finds late by the clock (isLate).
  let starting = true;
  return startTicker(
    "Scheduled publication",
    tickMs,
    async () => {
      const published = (await runScheduledPublications(clock(), { holder, starting })) ?? [];
      starting = false;
      for (const { id, late } of published) console.log(`Published scheduled article ${id}${late ? " (late)" : ""}`);
    },
    // A graceful stop lets the lease go, so another process takes over at once.
    { onStop: () => releaseLease(db, { name: schedulerLease.name, holder, now: clock() }) },
  );
}
